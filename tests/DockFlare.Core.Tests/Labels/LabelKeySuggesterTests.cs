using DockFlare.Core.Labels;

namespace DockFlare.Core.Tests.Labels;

public sealed class LabelKeySuggesterTests
{
    [Theory]
    [InlineData("enabled", "enable")]
    [InlineData("enabel", "enable")]
    [InlineData("hostame", "hostname")]
    [InlineData("hostnmae", "hostname")]
    [InlineData("host_name", "hostname")]
    [InlineData("acess.group", "access.group")]
    [InlineData("access.grup", "access.group")]
    [InlineData("httphostheader", "httpHostHeader")]
    [InlineData("no_tls_verfy", "no_tls_verify")]
    [InlineData("servce", "service")]
    [InlineData("zone_name", "zonename")]
    public void Suggest_NearMiss_ReturnsKnownKey(string typo, string expected)
    {
        Assert.Equal(expected, LabelKeySuggester.Suggest(typo, LabelCatalog.BaseSuggestions));
    }

    [Theory]
    [InlineData("traefik")]
    [InlineData("description")]
    [InlineData("x")]
    public void Suggest_Unrelated_ReturnsNull(string key)
    {
        Assert.Null(LabelKeySuggester.Suggest(key, LabelCatalog.BaseSuggestions));
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_KnownPairs_AreCorrect(string a, string b, int expected)
    {
        Assert.Equal(expected, LabelKeySuggester.Distance(a, b));
    }
}
