using System.Reflection;

namespace DockFlare.Agent;

/// <summary>The agent's version as sent to the master (the assembly's informational version, without the commit suffix).</summary>
internal static class AgentVersion
{
    public static string Current { get; } =
        (typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
