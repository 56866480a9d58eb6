using DockFlare.Modules.Agents;

namespace DockFlare.Host.Api;

/// <summary>Everything agents: the agent API (agent keys) and the admin routes for keys and agents (admin key).</summary>
internal static class AgentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        AgentAuthentication.AddScheme(services);

        AgentApiEndpoints.Map(api, AgentRequestGuard.Create(services));
        AgentKeyEndpoints.Map(api);
        AgentAdminEndpoints.Map(api);
    }
}
