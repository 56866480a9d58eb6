namespace DockFlare.Modules.Agents;

/// <summary>The collections of the agent store.</summary>
internal static class AgentCollections
{
    public const string Agents = "agent";
    public const string Keys = "key";
    public const string Reports = "report";
    public const string RetiredTunnels = "retired-tunnel";
}
