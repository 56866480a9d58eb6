using System.Text.Json;
using DockFlare.Core.Planning;
using static DockFlare.Core.Tests.Planning.PlanScenario;

namespace DockFlare.Core.Tests.Planning;

public sealed class PlanSerializationTests
{
    [Fact]
    public void Serialize_Plan_OperationsCarryDiscriminatorAndBeforeAfter()
    {
        var plan = Plan(Desired(Web("web", "app.example.com", extra: "dockflare.access.group=admins")));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(plan));

        var ops = json.RootElement.GetProperty("Operations").EnumerateArray().ToList();
        Assert.Equal(["access-create", "ingress-put", "dns-create"], ops.Select(o => o.GetProperty("op").GetString()));
        Assert.Equal("app.example.com", ops[2].GetProperty("After").GetProperty("Name").GetString());
        Assert.Equal(2, ops[1].GetProperty("Rules").GetArrayLength());
        Assert.Contains("container 'web'", ops[0].GetProperty("Cause").GetProperty("Sources")[0].GetString(), StringComparison.Ordinal);
    }
}
