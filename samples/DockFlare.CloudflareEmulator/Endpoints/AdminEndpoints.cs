using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>
/// The test-only admin API under <c>/__emulator</c> (no authentication; the emulator binds to 127.0.0.1 only):
/// faults, the request log, a state dump and fake connectors.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, EmulatorStore store, FaultBook faults, RequestLog log)
    {
        var admin = app.MapGroup("/__emulator");
        admin.MapGet("/faults", () => Results.Json(faults.Snapshot()));
        admin.MapPost("/faults", async (HttpRequest request) =>
        {
            FaultRule? rule;
            try
            {
                rule = await request.ReadFromJsonAsync<FaultRule>().ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            if (rule is null)
            {
                return Results.BadRequest(new { error = "a fault rule is required" });
            }

            try
            {
                faults.Add(rule);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            return Results.Json(rule, statusCode: 201);
        });
        admin.MapDelete("/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/requests", () => Results.Json(log.Snapshot()));
        admin.MapDelete("/requests", () =>
        {
            log.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/state", () =>
        {
            lock (store.Gate)
            {
                return Results.Content(StateDump.Render(store).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json");
            }
        });
        admin.MapPost("/tunnels/{tunnelId:cfuuid}/connectors", (string tunnelId) =>
        {
            lock (store.Gate)
            {
                if (!store.Tunnels.TryGetValue(tunnelId, out var tunnel) || tunnel.DeletedAt is not null)
                {
                    return Results.NotFound(new { error = "no live tunnel with that id" });
                }

                return Results.Content(TunnelRender.Connector(TunnelConfigEndpoints.Attach(store, tunnel)).ToJsonString(), "application/json", statusCode: 201);
            }
        });
        admin.MapPut("/accounts/{accountId:cfhex}/access-enabled/{enabled:bool}", (string accountId, bool enabled) =>
        {
            lock (store.Gate)
            {
                if (!store.Accounts.TryGetValue(accountId, out var account))
                {
                    return Results.NotFound(new { error = "no such account" });
                }

                account.AccessEnabled = enabled;
                return Results.NoContent();
            }
        });
    }
}
