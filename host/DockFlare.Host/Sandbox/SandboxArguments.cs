namespace DockFlare.Host.Sandbox;

/// <summary>
/// The bare <c>--sandbox</c> switch. ASP.NET Core's command-line provider expects <c>--key=value</c> pairs, so the
/// switch is taken out of the arguments before it sees them and turned into <c>DOCKFLARE_SANDBOX=true</c>.
/// </summary>
internal static class SandboxArguments
{
    public const string Switch = "--sandbox";

    /// <returns>The arguments without the switch, and whether it was there.</returns>
    public static (string[] Remaining, bool Sandbox) Strip(string[] args)
    {
        var rest = args.Where(a => !string.Equals(a, Switch, StringComparison.OrdinalIgnoreCase)).ToArray();
        return (rest, rest.Length != args.Length);
    }
}
