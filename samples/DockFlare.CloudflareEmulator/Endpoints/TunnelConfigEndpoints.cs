using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>A tunnel's configurations (validated, replaced wholesale, versioned) and its connectors.</summary>
internal static class TunnelConfigEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        const string Tunnel = TunnelEndpoints.Tunnel;

        api.MapGet(Tunnel + "/configurations", (string accountId, string tunnelId) =>
        {
            lock (store.Gate)
            {
                return CfResults.Ok(Render(TunnelEndpoints.Find(store, accountId, tunnelId)));
            }
        }).Requires(EmulatorPermissions.TunnelRead);

        api.MapPut(Tunnel + "/configurations", async (HttpContext context, string accountId, string tunnelId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            if (body["config"] is not JsonObject config)
            {
                throw EmulatorError.BadRequest(1055, "Bad Configuration: config must be an object");
            }

            if (IngressValidator.Validate(config) is { } problem)
            {
                throw EmulatorError.BadRequest(1055, $"Bad Configuration: Validation failed: {problem}");
            }

            lock (store.Gate)
            {
                var tunnel = TunnelEndpoints.Find(store, accountId, tunnelId, live: true);
                tunnel.Config = (JsonObject)config.DeepClone();
                tunnel.ConfigVersion++;
                tunnel.ConfigCreatedAt = store.Now;
                foreach (var connector in tunnel.Connectors)
                {
                    connector.ConfigVersion = tunnel.ConfigVersion;
                }

                return CfResults.Ok(Render(tunnel));
            }
        }).Requires(EmulatorPermissions.TunnelWrite);

        api.MapGet(Tunnel + "/connections", (string accountId, string tunnelId) =>
        {
            lock (store.Gate)
            {
                var tunnel = TunnelEndpoints.Find(store, accountId, tunnelId);
                return CfResults.Ok(new JsonArray(tunnel.Connectors.Select(c => (JsonNode)TunnelRender.Connector(c)).ToArray()));
            }
        }).Requires(EmulatorPermissions.TunnelRead);

        api.MapDelete(Tunnel + "/connections", (HttpContext context, string accountId, string tunnelId) =>
        {
            var clientId = context.Request.QueryText("client_id");
            lock (store.Gate)
            {
                var tunnel = TunnelEndpoints.Find(store, accountId, tunnelId, live: true);
                var removed = tunnel.Connectors.RemoveAll(c => clientId is null || string.Equals(c.Id, clientId, StringComparison.OrdinalIgnoreCase));
                if (removed > 0 && tunnel.Connectors.Count == 0)
                {
                    tunnel.ConnectionsInactiveAt = store.Now;
                }

                return CfResults.Ok(new JsonObject());
            }
        }).Requires(EmulatorPermissions.TunnelWrite);

        api.MapGet(Tunnel + "/connectors/{connectorId:cfuuid}", (string accountId, string tunnelId, string connectorId) =>
        {
            lock (store.Gate)
            {
                var tunnel = TunnelEndpoints.Find(store, accountId, tunnelId);
                var connector = tunnel.Connectors.FirstOrDefault(c => string.Equals(c.Id, connectorId, StringComparison.OrdinalIgnoreCase))
                    ?? throw EmulatorError.NotFound(1004, "Connector not found");
                return CfResults.Ok(TunnelRender.Connector(connector));
            }
        }).Requires(EmulatorPermissions.TunnelRead);
    }

    /// <summary>Attaches a fake connector, as if cloudflared had started with the tunnel's token.</summary>
    public static ConnectorState Attach(EmulatorStore store, TunnelState tunnel)
    {
        var connector = new ConnectorState
        {
            Id = Ids.NewUuid(),
            RunAt = store.Now,
            ConfigVersion = tunnel.ConfigVersion,
            ConnectionIds = [Ids.NewUuid(), Ids.NewUuid()],
        };
        tunnel.Connectors.Add(connector);
        tunnel.EverConnected = true;
        tunnel.ConnectionsActiveAt = store.Now;
        return connector;
    }

    private static JsonObject Render(TunnelState tunnel) => new()
    {
        ["account_id"] = tunnel.AccountId,
        ["tunnel_id"] = tunnel.Id,
        ["version"] = tunnel.ConfigVersion,
        ["config"] = tunnel.Config?.DeepClone(),
        ["source"] = tunnel.ConfigSource,
        ["created_at"] = Timestamps.Format(tunnel.ConfigCreatedAt ?? tunnel.CreatedAt),
    };
}
