using DockFlare.Modules.Agents;

namespace DockFlare.Host.Api;

/// <summary>Everything agents: the agent API (agent keys) and the admin routes for keys and agents (admin key).</summary>
internal static class AgentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        AgentAuthentication.AddScheme(services);

        // One guard (and so one rate limiter) per app, disposed with it.
        var guard = new AgentRequestGuard(services.GetRequiredService<AgentsOptions>());
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(guard.Dispose);
        AgentApiEndpoints.Map(api, guard);
        AgentKeyEndpoints.Map(api);
        AgentAdminEndpoints.Map(api);
    }
}
