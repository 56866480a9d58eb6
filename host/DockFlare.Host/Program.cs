using DockFlare.Core.Settings;
using DockFlare.Host;

if (args.Length > 0 && args[0] == "lint")
{
    return await DockFlare.Host.Cli.LintCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == DockFlare.Host.Cli.HealthCommand.Name)
{
    var urls = args.Skip(1).FirstOrDefault(a => a.StartsWith("--urls=", StringComparison.Ordinal))?["--urls=".Length..]
               ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
    return await DockFlare.Host.Cli.HealthCommand.RunAsync(urls, Console.Out, Console.Error);
}

WebApplication app;
try
{
    app = DockFlareApp.Build(args);
}
catch (SettingsException ex)
{
    await Console.Error.WriteLineAsync($"DockFlare cannot start. {ex.Message}");
    return 2;
}

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    app.Logger.LogCritical(ex, "DockFlare stopped unexpectedly");
    return 1;
}
