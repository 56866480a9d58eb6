using DockFlare.Core.Engine;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Keeps an agent inside its publish scopes. The hostnames a container claims are read by the one
/// label engine (the same parser as local containers, B27); a container claiming any hostname outside
/// the scopes keeps no labels, so none of its claims ever reaches the planner or Cloudflare.
/// </summary>
internal static class AgentScopeCheck
{
    public static (List<ContainerInput> Allowed, List<string> Diagnostics) Apply(
        AgentRecord agent, IReadOnlyList<ContainerInput> containers, string? labelPrefix)
    {
        var allowed = new List<ContainerInput>(containers.Count);
        var diagnostics = new List<string>();
        foreach (var container in containers)
        {
            var claimed = DesiredStateEngine.Compute(new EngineInput([container with { State = ContainerState.Running }], [], new EngineSettings { LabelPrefix = labelPrefix }))
                .Routes.Select(r => r.Hostname)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var outside = claimed.Where(h => !agent.Scopes.Allows(h)).ToList();
            if (outside.Count == 0)
            {
                allowed.Add(container);
                continue;
            }

            diagnostics.Add(
                $"Container '{container.Name}' claims {string.Join(", ", outside)}, outside the publish scopes of agent '{agent.DisplayName}' "
                + $"({Describe(agent.Scopes)}): nothing of this container is published. An admin can widen the scopes (POST /api/v2/agents/{agent.Id}/scopes).");
            allowed.Add(container with { Labels = new Dictionary<string, string>(StringComparer.Ordinal) });
        }

        return (allowed, diagnostics);
    }

    private static string Describe(AgentScopes scopes) =>
        scopes.Zones.Count == 0 && scopes.Hostnames.Count == 0
            ? "none set"
            : string.Join(", ", scopes.Zones.Select(z => "zone " + z).Concat(scopes.Hostnames.Select(h => "hostname " + h)));
}
