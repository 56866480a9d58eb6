namespace DockFlare.Core.Reconciliation;

/// <summary>The host name the master gives containers of its own Docker engine.</summary>
/// <remarks>
/// A fixed name rather than the machine name, so that route owner keys (<c>local/web</c>) and grace
/// deadlines survive a change of the machine's host name or a move to another machine.
/// </remarks>
public static class LocalHost
{
    /// <summary>The host name of local containers in <see cref="Engine.ContainerInput.Host"/>.</summary>
    public const string Name = "local";
}
