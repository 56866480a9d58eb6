using System.Text.Json.Nodes;
using DockFlare.Core.State;

namespace DockFlare.Modules.State;

/// <summary>
/// Brings stored data of an older schema up to <see cref="StateSchema.CurrentVersion"/>, one version step at a time.
/// </summary>
/// <remarks>
/// Schema 0 (the first prototype) wrote bare data without an envelope or checksum, and its change log was a
/// plain array of entries, oldest first, without sequence numbers. Schema 1 wraps every file in a checksummed
/// envelope and stores the change log as <c>{"nextSequence":n,"entries":[...]}</c> with a sequence per entry.
/// </remarks>
internal static class StateMigrations
{
    public static JsonNode? Migrate(string recordType, int fromVersion, JsonNode? data, string location)
    {
        if (fromVersion < 0)
        {
            throw new StateSchemaException($"State at '{location}' has the unknown schema version {fromVersion}.");
        }

        for (var version = fromVersion; version < StateSchema.CurrentVersion; version++)
        {
            data = version switch
            {
                0 => FromV0(recordType, data, location),
                _ => throw new StateSchemaException($"No migration from schema version {version} for '{location}'."),
            };
        }

        return data;
    }

    private static JsonNode? FromV0(string recordType, JsonNode? data, string location)
    {
        if (recordType != FileRecordTypes.Changes)
        {
            return data;
        }

        if (data is not JsonArray entries)
        {
            throw new StateCorruptedException($"State file '{location}' (schema 0) should hold an array of changes.");
        }

        var migrated = new JsonArray();
        long sequence = 0;
        foreach (var entry in entries)
        {
            if (entry is not JsonObject item)
            {
                throw new StateCorruptedException($"State file '{location}' (schema 0) has a change that is not an object.");
            }

            var copy = (JsonObject)item.DeepClone();
            copy["sequence"] = ++sequence;
            migrated.Add(copy);
        }

        return new JsonObject { ["nextSequence"] = sequence + 1, ["entries"] = migrated };
    }
}
