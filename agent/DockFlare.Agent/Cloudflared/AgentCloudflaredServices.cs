using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DockFlare.Agent.Cloudflared;

/// <summary>Registers the agent's cloudflared controller.</summary>
internal static class AgentCloudflaredServices
{
    /// <summary>
    /// Adds <see cref="ICloudflaredController"/> (one per process). It needs, from the container: the Docker provider's
    /// services (<c>AddAgentDocker</c>), an <see cref="IAgentIdentity"/>, and <see cref="AgentSettings"/> for
    /// <c>CLOUDFLARED_NETWORK_NAME</c> unless a <see cref="CloudflaredControllerOptions"/> is registered first.
    /// </summary>
    public static IServiceCollection AddAgentCloudflared(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new CloudflaredControllerOptions(sp.GetRequiredService<AgentSettings>().CloudflaredNetworkName));
        services.TryAddSingleton<CloudflaredController>();
        services.TryAddSingleton<ICloudflaredController>(sp => sp.GetRequiredService<CloudflaredController>());
        return services;
    }
}
