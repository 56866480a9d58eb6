using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary><c>/accounts/{a}/cfd_tunnel</c>: list, create, read, rename, soft delete and the connector token.</summary>
internal static class TunnelEndpoints
{
    public const string Tunnels = "/accounts/{accountId:cfhex}/cfd_tunnel";
    public const string Tunnel = Tunnels + "/{tunnelId:cfuuid}";

    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        api.MapGet(Tunnels, (HttpContext context, string accountId) =>
        {
            var q = context.Request;
            List<JsonNode> items;
            lock (store.Gate)
            {
                items = store.Tunnels.Values.Where(t => t.AccountId == accountId)
                    .Where(t => q.QueryText("name") is not { } name || t.Name == name)
                    .Where(t => q.QueryText("uuid") is not { } uuid || string.Equals(t.Id, uuid, StringComparison.OrdinalIgnoreCase))
                    .Where(t => q.QueryText("is_deleted") switch
                    {
                        "true" => t.DeletedAt is not null,
                        "false" => t.DeletedAt is null,
                        _ => true,
                    })
                    .Where(t => (q.QueryText("include_prefix") ?? q.QueryText("name_prefix")) is not { } p || t.Name.StartsWith(p, StringComparison.Ordinal))
                    .Where(t => q.QueryText("exclude_prefix") is not { } p || !t.Name.StartsWith(p, StringComparison.Ordinal))
                    .Where(t => q.QueryText("status") is not { } s || t.Status == s)
                    .OrderBy(t => t.CreatedAt).ThenBy(t => t.Name, StringComparer.Ordinal)
                    .Select(t => (JsonNode)TunnelRender.Tunnel(t))
                    .ToList();
            }

            return Paging.Page(context.Request, items, 20, 1, 1000);
        }).Requires(EmulatorPermissions.TunnelRead);

        api.MapPost(Tunnels, async (HttpContext context, string accountId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            var name = JsonBody.RequiredString(body, "name", 1001);
            var source = JsonBody.String(body, "config_src", 1001) ?? "local";
            if (source is not ("local" or "cloudflare"))
            {
                throw EmulatorError.BadRequest(1001, "config_src must be 'local' or 'cloudflare'");
            }

            if (Guid.TryParse(name, out _))
            {
                throw EmulatorError.BadRequest(1001, "tunnel name cannot be a UUID");
            }

            var secret = Secret(JsonBody.String(body, "tunnel_secret", 1001), source);
            lock (store.Gate)
            {
                if (store.Tunnels.Values.Any(t => t.AccountId == accountId && t.DeletedAt is null && t.Name == name))
                {
                    throw EmulatorError.Conflict(1013, "Tunnel with name already exists");
                }

                var tunnel = new TunnelState { Id = Ids.NewUuid(), AccountId = accountId, Name = name, Secret = secret, ConfigSource = source, CreatedAt = store.Now };
                store.Tunnels[tunnel.Id] = tunnel;
                var result = TunnelRender.Tunnel(tunnel);
                result["token"] = TunnelRender.Token(tunnel);
                result["credentials_file"] = TunnelRender.CredentialsFile(tunnel);
                return CfResults.Ok(result);
            }
        }).Requires(EmulatorPermissions.TunnelWrite);

        api.MapGet(Tunnel, (string accountId, string tunnelId) =>
        {
            lock (store.Gate)
            {
                return CfResults.Ok(TunnelRender.Tunnel(Find(store, accountId, tunnelId)));
            }
        }).Requires(EmulatorPermissions.TunnelRead);

        api.MapPatch(Tunnel, async (HttpContext context, string accountId, string tunnelId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            var name = JsonBody.String(body, "name", 1001);
            var secretText = JsonBody.String(body, "tunnel_secret", 1001);
            lock (store.Gate)
            {
                var tunnel = Find(store, accountId, tunnelId, live: true);
                if (name is not null)
                {
                    if (store.Tunnels.Values.Any(t => t.AccountId == accountId && t.DeletedAt is null && t.Name == name && t.Id != tunnel.Id))
                    {
                        throw EmulatorError.Conflict(1013, "Tunnel with name already exists");
                    }

                    tunnel.Name = name;
                }

                if (secretText is not null)
                {
                    tunnel.Secret = Secret(secretText, "local");
                }

                return CfResults.Ok(TunnelRender.Tunnel(tunnel));
            }
        }).Requires(EmulatorPermissions.TunnelWrite);

        api.MapDelete(Tunnel, (HttpContext context, string accountId, string tunnelId) =>
        {
            lock (store.Gate)
            {
                var tunnel = Find(store, accountId, tunnelId, live: true);
                if (tunnel.Connectors.Count > 0 && !context.Request.QueryFlag("cascade"))
                {
                    throw EmulatorError.BadRequest(1022, "Cannot delete tunnel because it has active connections");
                }

                if (tunnel.Connectors.Count > 0)
                {
                    tunnel.Connectors.Clear();
                    tunnel.ConnectionsInactiveAt = store.Now;
                }

                tunnel.DeletedAt = store.Now;
                return CfResults.Ok(TunnelRender.Tunnel(tunnel));
            }
        }).Requires(EmulatorPermissions.TunnelWrite);

        api.MapGet(Tunnel + "/token", (string accountId, string tunnelId) =>
        {
            lock (store.Gate)
            {
                return CfResults.Ok(JsonValue.Create(TunnelRender.Token(Find(store, accountId, tunnelId, live: true))));
            }
        }).Requires(EmulatorPermissions.TunnelRead);
    }

    /// <summary>Finds a tunnel of the account; <paramref name="live"/> also refuses deleted ones (404).</summary>
    public static TunnelState Find(EmulatorStore store, string accountId, string tunnelId, bool live = false) =>
        store.Tunnels.TryGetValue(tunnelId, out var tunnel) && tunnel.AccountId == accountId && (!live || tunnel.DeletedAt is null)
            ? tunnel
            : throw EmulatorError.NotFound(1004, "Tunnel not found");

    private static byte[] Secret(string? base64, string source)
    {
        if (base64 is null)
        {
            return source == "cloudflare"
                ? RandomNumberGenerator.GetBytes(32)
                : throw EmulatorError.BadRequest(1001, "tunnel_secret is required for a locally managed tunnel");
        }

        try
        {
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length >= 32 ? bytes : throw EmulatorError.BadRequest(1001, "tunnel_secret must be at least 32 bytes");
        }
        catch (FormatException)
        {
            throw EmulatorError.BadRequest(1001, "tunnel_secret must be base64");
        }
    }
}
