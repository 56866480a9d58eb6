using System.Diagnostics;

namespace DockFlare.Host.Cli.Tests;

/// <summary>Runs the real host entry point with 'lint', as a user would, to prove the hook in Program.cs.</summary>
public sealed class ProgramEntryTests
{
    [Fact]
    public async Task Main_Lint_RunsWithoutSettingsAndDoesNotStartTheWebHost()
    {
        var (exitCode, output, error) = await RunHostAsync("lint", Path.Combine(RepoPaths.ComposeSamples, "single-hostname.yml"), "--zones", "example.com");

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("1 container, 1 route, 0 errors, 0 warnings", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_LintOnFileWithErrors_ExitsOne()
    {
        var (exitCode, _, _) = await RunHostAsync("lint", Path.Combine(RepoPaths.ComposeSamples, "mistyped-labels.yml"));

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Main_LintOnMissingFile_ExitsTwo()
    {
        var (exitCode, _, error) = await RunHostAsync("lint", "does-not-exist.yml");

        Assert.Equal(2, exitCode);
        Assert.Contains("does-not-exist.yml", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunHostAsync(params string[] args)
    {
        var hostDll = typeof(LintCommand).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(hostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("'lint' did not finish within 60 s; did it start the web host?");
        }

        return (process.ExitCode, await output, await error);
    }
}
