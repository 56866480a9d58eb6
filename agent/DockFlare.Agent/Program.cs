using DockFlare.Agent.Composition;
using DockFlare.Agent.Health;

// The DockFlare agent: composed from environment variables (and appsettings.json beside it). A bad setting stops the
// start with exit code 2 and a message naming it; SIGTERM stops it with exit code 0 and cloudflared left running.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

if (args.Length > 0 && args[0] == HealthProbe.Command)
{
    return await HealthProbe.RunAsync(configuration, Console.Out, Console.Error);
}

var build = AgentHostBuilder.Build(configuration);
if (build.Host is null)
{
    await Console.Error.WriteLineAsync(
        "The DockFlare agent cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, build.Problems.Select(p => "  - " + p)));
    return 2;
}

using (build.Host)
{
    await build.Host.RunAsync();
}

return 0;
