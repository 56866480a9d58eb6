using System.Text.Json;

namespace DockFlare.Host.Cli.Tests;

public sealed class LintCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dockflare-lint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_CleanFile_ExitsZero()
    {
        var run = await LintRun.RunAsync(Path.Combine(RepoPaths.ComposeSamples, "single-hostname.yml"), "--zones", "example.com");

        Assert.Equal(LintCommand.Clean, run.ExitCode);
        Assert.Contains("1 container, 1 route, 0 errors, 0 warnings", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task RunAsync_FileWithErrors_ExitsOne()
    {
        var run = await LintRun.RunAsync(Path.Combine(RepoPaths.ComposeSamples, "mistyped-labels.yml"));

        Assert.Equal(LintCommand.ErrorsFound, run.ExitCode);
        Assert.Contains("Did you mean 'dockflare.enable'?", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFile_ExitsTwoNamingTheFile()
    {
        var missing = Path.Combine(_folder, "nope.yml");

        var run = await LintRun.RunAsync(missing);

        Assert.Equal(LintCommand.Unreadable, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task RunAsync_BrokenYaml_ExitsTwoNamingFileAndLine()
    {
        var file = Write("broken.yml", "services:\n  web:\n    labels:\n      dockflare.enable: \"true\n      dockflare.hostname: a\n    image: [x\n");

        var run = await LintRun.RunAsync(file);

        Assert.Equal(LintCommand.Unreadable, run.ExitCode);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:\d+:\d+: not valid YAML", run.Error);
    }

    [Fact]
    public async Task RunAsync_YamlErrorOnLineFour_ReportsLineFour()
    {
        var file = Write("tabs.yml", "services:\n  web:\n    labels:\n      - a: b: c\n");

        var run = await LintRun.RunAsync(file);

        Assert.Equal(LintCommand.Unreadable, run.ExitCode);
        Assert.StartsWith(file + ":4:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BrokenJson_ExitsTwoNamingFileAndLine()
    {
        var file = Write("broken.json", "[\n  {\"name\": \"web\",\n   \"labels\": {\"a\": \"b\"\n  }\n");

        var run = await LintRun.RunAsync(file);

        Assert.Equal(LintCommand.Unreadable, run.ExitCode);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:\d+:\d+: not valid JSON", run.Error);
    }

    [Fact]
    public async Task RunAsync_YamlWithoutServices_ExitsTwo()
    {
        var file = Write("plain.yml", "name: demo\nversion: 3\n");

        var run = await LintRun.RunAsync(file);

        Assert.Equal(LintCommand.Unreadable, run.ExitCode);
        Assert.Contains("no 'services'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData()]
    [InlineData("a.yml", "b.yml")]
    [InlineData("a.yml", "--format", "xml")]
    [InlineData("a.yml", "--zones")]
    [InlineData("a.yml", "--colour", "red")]
    public async Task RunAsync_BadArguments_ExitsTwoWithUsage(params string[] args)
    {
        var run = await LintRun.RunAsync(args);

        Assert.Equal(LintCommand.Unreadable, run.ExitCode);
        Assert.Contains("Usage: dockflare lint FILE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndExitsZero()
    {
        var run = await LintRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit codes", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JsonList_OneIngressDocumentPerHost()
    {
        var run = await LintRun.RunAsync(Path.Combine(RepoPaths.ComposeSamples, "containers.json"), "--format=json", "--zones=example.com");

        Assert.Equal(0, run.ExitCode);
        using var json = run.Json();
        Assert.Equal(["agent-1", "master"], json.RootElement.GetProperty("ingress").EnumerateArray().Select(d => d.GetProperty("tunnel").GetString()));
    }

    [Fact]
    public async Task RunAsync_JsonFormat_HasTheDocumentedShape()
    {
        var run = await LintRun.RunAsync(Path.Combine(RepoPaths.ComposeSamples, "indexed-labels.yml"), "--zones", "example.com,dev.example.com", "--format", "json");

        using var json = run.Json();
        var root = json.RootElement;
        Assert.Equal(["schema", "file", "format", "summary", "routes", "hostnames", "ingress", "diagnostics"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("dockflare-lint/1", root.GetProperty("schema").GetString());
        Assert.Equal(["containers", "routes", "errors", "warnings", "infos"], root.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        var route = root.GetProperty("routes")[0];
        Assert.Equal(
            ["hostname", "path", "pathAsWritten", "service", "serviceKind", "zone", "tunnel", "pendingDeletion", "source", "originRequest", "access"],
            route.EnumerateObject().Select(p => p.Name));
        Assert.Equal("^/api(?:/|$)", route.GetProperty("path").GetString());
        Assert.Equal("/api", route.GetProperty("pathAsWritten").GetString());
        Assert.Equal("dev.example.com", route.GetProperty("zone").GetString());
        Assert.True(route.GetProperty("originRequest").GetProperty("http2Origin").GetBoolean());
        Assert.Equal("groups", route.GetProperty("access").GetProperty("mode").GetString());
        Assert.Equal(1, route.GetProperty("source").GetProperty("index").GetInt32());
        var diagnostic = root.GetProperty("diagnostics")[0];
        Assert.Equal(["severity", "code", "container", "host", "label", "message"], diagnostic.EnumerateObject().Select(p => p.Name));
        Assert.Equal("{\"ingress\":[{\"hostname\":\"app.dev.example.com\",\"path\":\"^/api(?:/|$)\",\"service\":\"http://web:9000\",\"originRequest\":{\"http2Origin\":true}},{\"hostname\":\"app.dev.example.com\",\"service\":\"http://web:8080\"},{\"service\":\"http_status:404\"}]}",
            JsonSerializer.Serialize(root.GetProperty("ingress")[0].GetProperty("config")));
    }

    [Fact]
    public async Task RunAsync_SameInputTwice_JsonIsIdentical()
    {
        var file = Path.Combine(RepoPaths.ComposeSamples, "path-routing.yml");

        var first = await LintRun.RunAsync(file, "--format", "json");
        var second = await LintRun.RunAsync(file, "--format", "json");

        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task RunAsync_WithoutZones_ReportsThatZonesWereNotChecked()
    {
        var run = await LintRun.RunAsync(Path.Combine(RepoPaths.ComposeSamples, "single-hostname.yml"), "--format", "json");

        using var json = run.Json();
        var route = json.RootElement.GetProperty("routes")[0];
        Assert.Equal(JsonValueKind.Null, route.GetProperty("zone").ValueKind);
        Assert.Contains(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "zones-unknown");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task RunAsync_LabelPrefix_IsApplied()
    {
        var file = Write("prefix.yml", "services:\n  web:\n    labels:\n      myco.enable: 'true'\n      myco.hostname: app.example.com\n      myco.service: http://web:80\n");

        var run = await LintRun.RunAsync(file, "--label-prefix", "myco", "--format", "json");

        using var json = run.Json();
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("routes").GetInt32());
    }

    [Fact]
    public async Task RunAsync_TextFormat_ListsRoutesIngressAndDiagnostics()
    {
        var run = await LintRun.RunAsync(Path.Combine(RepoPaths.ComposeSamples, "indexed-labels.yml"), "--zones", "example.com,dev.example.com");

        Assert.Contains("Routes", run.Output, StringComparison.Ordinal);
        Assert.Contains("Ingress of tunnel 'local'", run.Output, StringComparison.Ordinal);
        Assert.Contains("1. app.dev.example.com path ^/api(?:/|$) -> http://web:9000 {\"http2Origin\":true}", run.Output, StringComparison.Ordinal);
        Assert.Contains("3. * -> http_status:404", run.Output, StringComparison.Ordinal);
        Assert.Contains("warning origin-options-ignored", run.Output, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
