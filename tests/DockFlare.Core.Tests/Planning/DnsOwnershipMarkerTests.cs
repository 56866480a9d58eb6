using DockFlare.Core.Planning;

namespace DockFlare.Core.Tests.Planning;

public sealed class DnsOwnershipMarkerTests
{
    [Fact]
    public void Format_InstanceId_WritesManagedByAndInstance() =>
        Assert.Equal("managed-by=dockflare; instance=abc", DnsOwnershipMarker.Format("abc"));

    [Theory]
    [InlineData("managed-by=dockflare; instance=abc", "abc")]
    [InlineData("my note | managed-by=dockflare;instance=abc; more", "abc")]
    [InlineData("managed-by=dockflare instance=abc", "abc")]
    public void TryReadInstance_MarkerInComment_ReturnsInstance(string comment, string expected)
    {
        Assert.True(DnsOwnershipMarker.TryReadInstance(comment, out var instance));
        Assert.Equal(expected, instance);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("managed-by=someone-else; instance=abc")]
    [InlineData("managed-by=dockflare")]
    [InlineData("managed-by=dockflare; instance=")]
    public void TryReadInstance_NoMarker_ReturnsFalse(string? comment) =>
        Assert.False(DnsOwnershipMarker.TryReadInstance(comment, out _));

    [Fact]
    public void IsOwnedBy_OtherInstance_ReturnsFalse()
    {
        Assert.True(DnsOwnershipMarker.IsOwnedBy(DnsOwnershipMarker.Format("abc"), "abc"));
        Assert.False(DnsOwnershipMarker.IsOwnedBy(DnsOwnershipMarker.Format("abcd"), "abc"));
    }
}
