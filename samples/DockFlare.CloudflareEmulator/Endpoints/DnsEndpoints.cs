using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary><c>/zones/{zone}/dns_records</c>: list, create, read, replace, merge, delete.</summary>
internal static class DnsEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorStore store, EmulatorOptions options)
    {
        const string Records = "/zones/{zoneId:cfhex}/dns_records";
        const string Record = Records + "/{recordId:cfhex}";

        api.MapGet(Records, (HttpContext context, string zoneId) =>
        {
            List<JsonNode> items;
            lock (store.Gate)
            {
                var zone = store.Zones[zoneId];
                var matching = store.DnsRecords.Values.Where(r => r.ZoneId == zoneId && DnsFilter.Matches(r, context.Request.Query));
                matching = context.Request.QueryText("order") switch
                {
                    "name" => matching.OrderBy(r => r.Name, StringComparer.Ordinal),
                    "content" => matching.OrderBy(r => r.Content, StringComparer.Ordinal),
                    "ttl" => matching.OrderBy(r => r.Ttl),
                    "proxied" => matching.OrderBy(r => r.Proxied),
                    _ => matching.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal),
                };
                items = matching.Select(r => (JsonNode)DnsRules.Render(r, zone)).ToList();
            }

            if (string.Equals(context.Request.QueryText("direction"), "desc", StringComparison.OrdinalIgnoreCase))
            {
                items.Reverse();
            }

            return Paging.Page(context.Request, items, 100, 1, 5_000_000);
        }).Requires(EmulatorPermissions.DnsRead);

        api.MapPost(Records, async (HttpContext context, string zoneId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var zone = store.Zones[zoneId];
                var record = new DnsRecordState { Id = Ids.NewHex(), ZoneId = zoneId, Type = "", Name = "", Content = "", CreatedOn = store.Now, ModifiedOn = store.Now };
                DnsRules.Apply(record, body, zone, replace: true);
                DnsRules.Validate(record);
                DnsRules.CheckConflicts(store, record, options.IdenticalRecordCode);
                store.DnsRecords[record.Id] = record;
                return CfResults.Ok(DnsRules.Render(record, zone));
            }
        }).Requires(EmulatorPermissions.DnsWrite);

        api.MapGet(Record, (string zoneId, string recordId) =>
        {
            lock (store.Gate)
            {
                return CfResults.Ok(DnsRules.Render(Find(store, zoneId, recordId), store.Zones[zoneId]));
            }
        }).Requires(EmulatorPermissions.DnsRead);

        api.MapPut(Record, (HttpContext context, string zoneId, string recordId) => Change(context, store, options, zoneId, recordId, replace: true))
            .Requires(EmulatorPermissions.DnsWrite);
        api.MapPatch(Record, (HttpContext context, string zoneId, string recordId) => Change(context, store, options, zoneId, recordId, replace: false))
            .Requires(EmulatorPermissions.DnsWrite);

        api.MapDelete(Record, (string zoneId, string recordId) =>
        {
            lock (store.Gate)
            {
                var record = Find(store, zoneId, recordId);
                store.DnsRecords.Remove(record.Id);
                return CfResults.Ok(new JsonObject { ["id"] = record.Id });
            }
        }).Requires(EmulatorPermissions.DnsWrite);
    }

    private static async Task<IResult> Change(HttpContext context, EmulatorStore store, EmulatorOptions options, string zoneId, string recordId, bool replace)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
        lock (store.Gate)
        {
            var zone = store.Zones[zoneId];
            var existing = Find(store, zoneId, recordId);
            var candidate = new DnsRecordState
            {
                Id = existing.Id, ZoneId = zoneId, Type = existing.Type, Name = existing.Name, Content = existing.Content,
                Proxied = existing.Proxied, Ttl = existing.Ttl, Comment = existing.Comment, Tags = [.. existing.Tags],
                CreatedOn = existing.CreatedOn, ModifiedOn = store.Now,
            };
            DnsRules.Apply(candidate, body, zone, replace);
            DnsRules.Validate(candidate);
            DnsRules.CheckConflicts(store, candidate, options.IdenticalRecordCode);
            store.DnsRecords[candidate.Id] = candidate;
            return CfResults.Ok(DnsRules.Render(candidate, zone));
        }
    }

    private static DnsRecordState Find(EmulatorStore store, string zoneId, string recordId) =>
        store.DnsRecords.TryGetValue(recordId, out var record) && record.ZoneId == zoneId
            ? record
            : throw EmulatorError.NotFound(81044, "Record does not exist.");
}
