using System.Text;
using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>Tunnel, connector and token JSON as Cloudflare shapes them.</summary>
internal static class TunnelRender
{
    public static JsonObject Tunnel(TunnelState tunnel) => new()
    {
        ["id"] = tunnel.Id,
        ["account_tag"] = tunnel.AccountId,
        ["name"] = tunnel.Name,
        ["status"] = tunnel.Status,
        ["tun_type"] = "cfd_tunnel",
        ["config_src"] = tunnel.ConfigSource,
        ["remote_config"] = tunnel.ConfigSource == "cloudflare",
        ["created_at"] = Timestamps.Format(tunnel.CreatedAt),
        ["deleted_at"] = Timestamps.Format(tunnel.DeletedAt),
        ["conns_active_at"] = Timestamps.Format(tunnel.ConnectionsActiveAt),
        ["conns_inactive_at"] = Timestamps.Format(tunnel.ConnectionsInactiveAt),
        ["connections"] = new JsonArray(tunnel.Connectors.SelectMany(c => Connections(c)).ToArray()),
        ["metadata"] = new JsonObject(),
    };

    public static JsonObject Connector(ConnectorState connector) => new()
    {
        ["id"] = connector.Id,
        ["arch"] = connector.Arch,
        ["version"] = connector.Version,
        ["config_version"] = connector.ConfigVersion,
        ["features"] = new JsonArray("ha-origin", "management_logs"),
        ["run_at"] = Timestamps.Format(connector.RunAt),
        ["conns"] = new JsonArray(Connections(connector).ToArray()),
    };

    /// <summary>base64 of <c>{"a":account,"t":tunnel,"s":base64(secret)}</c>, as cloudflared's <c>TunnelToken</c> decodes it.</summary>
    public static string Token(TunnelState tunnel)
    {
        var json = new JsonObject { ["a"] = tunnel.AccountId, ["t"] = tunnel.Id, ["s"] = Convert.ToBase64String(tunnel.Secret) }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    public static JsonObject CredentialsFile(TunnelState tunnel) => new()
    {
        ["AccountTag"] = tunnel.AccountId,
        ["TunnelID"] = tunnel.Id,
        ["TunnelName"] = tunnel.Name,
        ["TunnelSecret"] = Convert.ToBase64String(tunnel.Secret),
    };

    private static IEnumerable<JsonNode> Connections(ConnectorState connector) =>
        connector.ConnectionIds.Select(id => (JsonNode)new JsonObject
        {
            ["id"] = id,
            ["uuid"] = id,
            ["client_id"] = connector.Id,
            ["client_version"] = connector.Version,
            ["colo_name"] = connector.ColoName,
            ["is_pending_reconnect"] = false,
            ["opened_at"] = Timestamps.Format(connector.RunAt),
            ["origin_ip"] = connector.OriginIp,
        });
}
