namespace DockFlare.Agent.Composition;

/// <summary>How <see cref="AgentHostBuilder"/> composes the agent beyond its settings; tests change these, the agent does not.</summary>
internal sealed record AgentHostOptions
{
    /// <summary>The plugins directory holding <c>docker/</c>.</summary>
    public string PluginsDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Whether the Docker provider plugin is loaded; off when a test registers its own engine services.</summary>
    public bool LoadDockerProvider { get; init; } = true;

    /// <summary>The agent's pacing.</summary>
    public AgentTimings Timings { get; init; } = new();

    /// <summary>Runs last on the services: a test replaces the controller, the engine or the master's HTTP handler here.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Runs on the logging builder after the console is set up (a test adds its own provider).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
