namespace DockFlare.Modules.Agents.Tests;

/// <summary>
/// The test classes that use Redis database 30 (two masters on one Redis, tunnels, removal, connectors):
/// one xunit collection, so they run one after another and each may flush the database.
/// </summary>
internal static class AgentSharedDatabase
{
    public const string Collection = "agents-redis-30";

    public const int Database = AgentCommandTestRedis.ReplicaDatabase;
}
