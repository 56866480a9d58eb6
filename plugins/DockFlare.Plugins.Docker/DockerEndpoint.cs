namespace DockFlare.Plugins.Docker;

/// <summary>Where the Docker Engine API is, from <c>DOCKER_HOST</c>.</summary>
internal sealed record DockerEndpoint(Uri Uri)
{
    public const string SettingName = "DOCKER_HOST";
    public const string DefaultValue = "unix:///var/run/docker.sock";

    private static readonly string[] SupportedSchemes = ["unix", "tcp", "npipe", "http"];

    /// <summary>Parses a <c>DOCKER_HOST</c> value; an empty value means the local socket.</summary>
    /// <exception cref="ArgumentException">The value is not a Docker endpoint; the message names the setting.</exception>
    public static DockerEndpoint Parse(string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? DefaultValue : value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !SupportedSchemes.Contains(uri.Scheme))
        {
            throw new ArgumentException(
                $"{SettingName} '{text}' is not a Docker endpoint: use unix:///path/to/docker.sock or tcp://host:port.",
                nameof(value));
        }

        if (uri.Scheme == "unix" && uri.AbsolutePath.Length <= 1)
        {
            throw new ArgumentException($"{SettingName} '{text}' names no socket path.", nameof(value));
        }

        // Docker.DotNet speaks plain HTTP for tcp:// endpoints; http:// is accepted as its synonym.
        return new DockerEndpoint(uri.Scheme == "http" ? new UriBuilder(uri) { Scheme = "tcp" }.Uri : uri);
    }

    public override string ToString() => Uri.ToString();
}
