using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>The DNS list filters of SPEC §4.2 (case-insensitive), combined with <c>match=all|any</c>.</summary>
internal static class DnsFilter
{
    public static bool Matches(DnsRecordState record, IQueryCollection query)
    {
        var checks = new List<bool>();
        void Text(string field, string? value)
        {
            foreach (var op in new[] { "", ".exact", ".contains", ".startswith", ".endswith" })
            {
                var filter = query[field + op].ToString();
                if (filter.Length == 0)
                {
                    continue;
                }

                var actual = value ?? "";
                checks.Add(op switch
                {
                    ".contains" => actual.Contains(filter, StringComparison.OrdinalIgnoreCase),
                    ".startswith" => actual.StartsWith(filter, StringComparison.OrdinalIgnoreCase),
                    ".endswith" => actual.EndsWith(filter, StringComparison.OrdinalIgnoreCase),
                    _ => string.Equals(actual, filter.TrimEnd('.'), StringComparison.OrdinalIgnoreCase),
                });
            }
        }

        if (query["type"].ToString() is { Length: > 0 } type)
        {
            checks.Add(string.Equals(record.Type, type, StringComparison.OrdinalIgnoreCase));
        }

        Text("name", record.Name);
        Text("content", record.Content);
        Text("comment", record.Comment);
        if (query["proxied"].ToString() is { Length: > 0 } proxied)
        {
            checks.Add(string.Equals(proxied, record.Proxied ? "true" : "false", StringComparison.OrdinalIgnoreCase));
        }

        if (query.ContainsKey("comment.present"))
        {
            checks.Add(!string.IsNullOrEmpty(record.Comment));
        }

        if (query.ContainsKey("comment.absent"))
        {
            checks.Add(string.IsNullOrEmpty(record.Comment));
        }

        if (query["tag"].ToString() is { Length: > 0 } tag)
        {
            checks.Add(record.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase));
        }

        var any = string.Equals(query["match"].ToString(), "any", StringComparison.OrdinalIgnoreCase);
        return checks.Count == 0 || (any ? checks.Any(c => c) : checks.All(c => c));
    }
}
