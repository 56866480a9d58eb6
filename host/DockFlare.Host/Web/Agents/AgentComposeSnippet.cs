using System.Text;
using DockFlare.Modules.Agents;
using DockFlare.Modules.Auth;

namespace DockFlare.Host.Web.Agents;

/// <summary>
/// The compose file shown with a new agent key: the agent behind a Docker socket proxy, as in
/// <c>samples/compose/deploy/agent.yml</c>, with the master's URL and the key filled in so it can be pasted as it is.
/// </summary>
internal static class AgentComposeSnippet
{
    /// <summary>
    /// The URL agents reach the master at: <c>DOCKFLARE_PUBLIC_URL</c> when set, else the address this request came to
    /// (right when the admin uses the same address as the agents will).
    /// </summary>
    public static string MasterUrl(AuthOptions auth, HttpRequest request) =>
        !string.IsNullOrWhiteSpace(auth.PublicUrl)
            ? auth.PublicUrl.Trim().TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');

    /// <summary>
    /// Why <paramref name="masterUrl"/> may not work from another host, or null: it came from this request rather than
    /// <c>DOCKFLARE_PUBLIC_URL</c>, and a loopback address (or a host name taken from the request) is easy to get wrong.
    /// </summary>
    public static string? UrlWarning(AuthOptions auth, string masterUrl)
    {
        if (!string.IsNullOrWhiteSpace(auth.PublicUrl))
        {
            return null;
        }

        var host = new Uri(masterUrl).Host;
        return host == "localhost" || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address))
            ? $"The master URL in this file is {masterUrl}, a loopback address: an agent on another host cannot reach the master there. "
              + "Replace it with an address the agent's host can reach, and set DOCKFLARE_PUBLIC_URL on the master so this page uses it."
            : $"The master URL in this file is the address this page was opened at ({masterUrl}); DOCKFLARE_PUBLIC_URL is not set. "
              + "Check that the agent's host reaches the master there.";
    }

    /// <summary>The compose file for an agent using <paramref name="secret"/>; the label names the agent when it is a valid agent name.</summary>
    public static string Render(string masterUrl, string secret, string label)
    {
        var yaml = new StringBuilder()
            .AppendLine("# DockFlare agent: save as compose.yaml on the Docker host, then run: docker compose up -d")
            .AppendLine("# The image is built from the DockFlare repository: docker build -f agent/Dockerfile -t dockflare-agent .")
            .AppendLine("services:")
            .AppendLine("  docker-socket-proxy:")
            .AppendLine("    image: tecnativa/docker-socket-proxy:v0.4.1")
            .AppendLine("    restart: unless-stopped")
            .AppendLine("    environment: { CONTAINERS: 1, POST: 1, EVENTS: 1, IMAGES: 1, NETWORKS: 1, PING: 1, VERSION: 1 }")
            .AppendLine("    volumes: [\"/var/run/docker.sock:/var/run/docker.sock:ro\"]")
            .AppendLine("    networks: [agent-docker]")
            .AppendLine("    read_only: true")
            .AppendLine("    tmpfs: [/run]")
            .AppendLine("  dockflare-agent:")
            .AppendLine("    image: dockflare-agent:latest")
            .AppendLine("    restart: unless-stopped")
            .AppendLine("    depends_on: [docker-socket-proxy]")
            .AppendLine("    environment:")
            .AppendLine("      DOCKFLARE_MASTER_URL: " + Quoted(masterUrl))
            .AppendLine("      DOCKFLARE_API_KEY: " + Quoted(secret))
            .AppendLine("      DOCKER_HOST: tcp://docker-socket-proxy:2375");
        if (AgentDisplayNames.IsValid(label.Trim()))
        {
            yaml.AppendLine("      AGENT_DISPLAY_NAME: " + Quoted(label.Trim()));
        }

        return yaml
            .AppendLine("    volumes: [\"dockflare-agent-data:/app/data\"]")
            .AppendLine("    networks: [agent-docker, outbound]")
            .AppendLine("    read_only: true")
            .AppendLine("    cap_drop: [ALL]")
            .AppendLine("    security_opt: [\"no-new-privileges:true\"]")
            .AppendLine("networks:")
            .AppendLine("  agent-docker: { internal: true }")
            .AppendLine("  outbound: {}")
            .AppendLine("volumes:")
            .Append("  dockflare-agent-data: {}")
            .ToString();
    }

    // Compose interpolates '$' in every value, so a literal one is doubled; YAML needs '"' and '\' escaped.
    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "$$", StringComparison.Ordinal) + "\"";
}
