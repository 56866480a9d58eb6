namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>The zone-list name operators: <c>equal:</c>, <c>contains:</c>, <c>starts_with:</c>... (exact by default).</summary>
internal static class NameFilter
{
    public static bool Matches(string value, string filter)
    {
        var colon = filter.IndexOf(':', StringComparison.Ordinal);
        var op = colon > 0 ? filter[..colon] : "equal";
        var operand = colon > 0 ? filter[(colon + 1)..] : filter;
        return op switch
        {
            "equal" => string.Equals(value, operand, StringComparison.OrdinalIgnoreCase),
            "not_equal" => !string.Equals(value, operand, StringComparison.OrdinalIgnoreCase),
            "starts_with" => value.StartsWith(operand, StringComparison.OrdinalIgnoreCase),
            "ends_with" => value.EndsWith(operand, StringComparison.OrdinalIgnoreCase),
            "contains" => value.Contains(operand, StringComparison.OrdinalIgnoreCase),
            "starts_with_case_sensitive" => value.StartsWith(operand, StringComparison.Ordinal),
            "ends_with_case_sensitive" => value.EndsWith(operand, StringComparison.Ordinal),
            "contains_case_sensitive" => value.Contains(operand, StringComparison.Ordinal),
            _ => string.Equals(value, filter, StringComparison.OrdinalIgnoreCase),
        };
    }
}
