using System.Text.Json;
using DockFlare.Core.State;

namespace DockFlare.Modules.State;

/// <summary>Argument checks both stores apply in the same way.</summary>
internal static class StateArguments
{
    public static void Setting(SettingEntry setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentException.ThrowIfNullOrEmpty(setting.Key, nameof(setting));
        ArgumentNullException.ThrowIfNull(setting.Value, nameof(setting));
        if (!setting.IsJson)
        {
            return;
        }

        try
        {
            using var _ = JsonDocument.Parse(setting.Value);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Setting '{setting.Key}' is marked as JSON but its value is not valid JSON.", nameof(setting), e);
        }
    }

    public static void ExpectedSetting(SettingEntry setting, SettingEntry? expected)
    {
        Setting(setting);
        if (expected is not null && !string.Equals(expected.Key, setting.Key, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The expected entry is of setting '{expected.Key}', not '{setting.Key}'.", nameof(expected));
        }
    }

    public static void Source(RouteSourceKey source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(source.Id, nameof(source));
    }

    public static void Routes(RouteSet routes, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
    }

    public static void Deadline(GraceDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentException.ThrowIfNullOrEmpty(deadline.OwnerKey, nameof(deadline));
        Source(deadline.Source);
    }

    public static void Ownership(OwnershipRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.CloudflareId, nameof(record));
    }

    public static void Page(long? beforeSequence, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (beforeSequence is { } before)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(before, nameof(beforeSequence));
        }
    }

    public static StateConcurrencyException Conflict(RouteSourceKey source, long expected, long actual) =>
        new($"The routes of '{source}' are at version {actual}, not {expected}: another writer replaced them. Read again and retry.");
}
