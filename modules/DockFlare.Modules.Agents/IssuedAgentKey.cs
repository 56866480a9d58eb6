namespace DockFlare.Modules.Agents;

/// <summary>A key just generated or rolled: the only moment its secret is known to the master.</summary>
/// <param name="Key">The key's public metadata.</param>
/// <param name="Secret">The full secret <c>dfa_&lt;keyId&gt;_&lt;random&gt;</c>; shown once, stored only as a hash.</param>
public sealed record IssuedAgentKey(AgentKeyInfo Key, string Secret);
