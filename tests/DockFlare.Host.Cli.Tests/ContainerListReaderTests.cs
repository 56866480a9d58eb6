using DockFlare.Core.Engine;

namespace DockFlare.Host.Cli.Tests;

public sealed class ContainerListReaderTests
{
    [Fact]
    public void Read_FullItem_ReadsEveryField()
    {
        var containers = ContainerListReader.Read("""[{"id":"abc","name":"web","host":"h1","state":"stopped","labels":{"a":"b","n":1,"z":null}}]""", "f.json");

        var container = Assert.Single(containers);
        Assert.Equal(("abc", "web", "h1", ContainerState.Stopped), (container.Id, container.Name, container.Host, container.State));
        Assert.Equal("b", container.Labels["a"]);
        Assert.Equal("1", container.Labels["n"]);
        Assert.Equal("", container.Labels["z"]);
    }

    [Fact]
    public void Read_LabelList_IsSplitAtFirstEquals()
    {
        var containers = ContainerListReader.Read("""[{"name":"web","labels":["a=b=c","flag"]}]""", "f.json");

        Assert.Equal("b=c", containers[0].Labels["a"]);
        Assert.Equal("", containers[0].Labels["flag"]);
        Assert.Equal("local", containers[0].Host);
    }

    [Theory]
    [InlineData("""{"name":"web"}""", "array")]
    [InlineData("""[{"labels":{}}]""", "no 'name'")]
    [InlineData("""[1]""", "not an object")]
    [InlineData("""[{"name":"web","state":"paused"}]""", "state 'paused'")]
    [InlineData("""[{"name":"web","labels":{"a":{"b":1}}}]""", "must be a string")]
    [InlineData("""[{"name":"web","labels":"x"}]""", "object or a list")]
    public void Read_WrongShape_Throws(string json, string reason)
    {
        var ex = Assert.Throws<LintInputException>(() => ContainerListReader.Read(json, "f.json"));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SyntaxError_NamesLineAndColumn()
    {
        var ex = Assert.Throws<LintInputException>(() => ContainerListReader.Read("[\n{\"name\": \"web\",,}\n]", "f.json"));

        Assert.StartsWith("f.json:2:", ex.Message, StringComparison.Ordinal);
    }
}
