namespace DockFlare.Host.Cli.Tests;

public sealed class ComposeFileReaderTests
{
    [Fact]
    public void Read_MapAndListLabels_AreTheSame()
    {
        var map = ComposeFileReader.Read("services:\n  web:\n    labels:\n      a.b: x=y\n      c: \"true\"\n", "f.yml");
        var list = ComposeFileReader.Read("services:\n  web:\n    labels:\n      - a.b=x=y\n      - c=true\n", "f.yml");

        Assert.Equal(map[0].Labels, list[0].Labels);
        Assert.Equal("x=y", map[0].Labels["a.b"]);
    }

    [Fact]
    public void Read_YamlBooleanAndNumberValues_KeepTheirText()
    {
        var containers = ComposeFileReader.Read("services:\n  web:\n    labels:\n      dockflare.enable: true\n      dockflare.port: 8080\n", "f.yml");

        Assert.Equal("true", containers[0].Labels["dockflare.enable"]);
        Assert.Equal("8080", containers[0].Labels["dockflare.port"]);
    }

    [Fact]
    public void Read_ContainerName_IsUsedAsName()
    {
        var containers = ComposeFileReader.Read("services:\n  web:\n    container_name: my-web\n  db:\n    image: x\n", "f.yml");

        Assert.Equal(["my-web", "db"], containers.Select(c => c.Name));
        Assert.Empty(containers[1].Labels);
        Assert.All(containers, c => Assert.Equal(ComposeFileReader.Host, c.Host));
    }

    [Fact]
    public void Read_MergeKey_BringsAnchoredLabels()
    {
        var containers = ComposeFileReader.Read("x-l: &l\n  a: '1'\nservices:\n  web:\n    labels:\n      <<: *l\n      b: '2'\n", "f.yml");

        Assert.Equal("1", containers[0].Labels["a"]);
        Assert.Equal("2", containers[0].Labels["b"]);
    }

    [Theory]
    [InlineData("${HOST:-app.example.com}", "app.example.com")]
    [InlineData("${HOST-app.example.com}", "app.example.com")]
    [InlineData("http://web:${PORT:-80}", "http://web:80")]
    [InlineData("${HOST}", "${HOST}")]
    [InlineData("a$$b", "a$b")]
    public void Read_Variables_UseTheirDefaults(string value, string expected)
    {
        var containers = ComposeFileReader.Read($"services:\n  web:\n    labels:\n      k: \"{value}\"\n", "f.yml");

        Assert.Equal(expected, containers[0].Labels["k"]);
    }

    [Theory]
    [InlineData("services: [a, b]\n", "'services' must be a mapping")]
    [InlineData("services:\n  web: [x]\n", "must be a mapping")]
    [InlineData("services:\n  web:\n    labels: 3\n", "list or a mapping")]
    [InlineData("services:\n  web:\n    labels:\n      - [a]\n", "key=value")]
    [InlineData("services:\n  web:\n    labels:\n      a: [b]\n", "plain value")]
    [InlineData("- a\n", "top level")]
    public void Read_WrongShape_ThrowsWithLine(string yaml, string reason)
    {
        var ex = Assert.Throws<LintInputException>(() => ComposeFileReader.Read(yaml, "f.yml"));

        Assert.Matches(@"^f\.yml:\d+", ex.Message);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
