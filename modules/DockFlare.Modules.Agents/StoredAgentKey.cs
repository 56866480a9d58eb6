namespace DockFlare.Modules.Agents;

/// <summary>A key as stored: its metadata and the SHA-256 of its secret (hex).</summary>
internal sealed record StoredAgentKey(AgentKeyInfo Info, string Hash);
