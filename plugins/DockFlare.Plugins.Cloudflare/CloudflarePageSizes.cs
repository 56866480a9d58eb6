namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// Page sizes asked for per list: the endpoint maxima where they are small, larger pages where the API
/// allows them, to spend fewer requests of the budget. Lists are always read to the end regardless.
/// </summary>
internal static class CloudflarePageSizes
{
    public const int Accounts = 50;
    public const int Zones = 50;
    public const int DnsRecords = 5000;
    public const int Tunnels = 100;
    public const int Access = 100;
}
