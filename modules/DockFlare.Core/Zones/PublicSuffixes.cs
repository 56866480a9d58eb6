using System.Collections.Frozen;

namespace DockFlare.Core.Zones;

/// <summary>
/// Names no account can own as a zone: every single-label name (<c>com</c>, <c>uk</c>) and
/// the common multi-label public suffixes (<c>co.uk</c>, <c>com.au</c>, ...). This is a
/// curated subset of the Public Suffix List, not the whole list: it exists so that a
/// mistyped zone setting such as <c>co.uk</c> can never swallow <c>a.b.example.co.uk</c>.
/// </summary>
internal static class PublicSuffixes
{
    private static readonly FrozenSet<string> MultiLabel = new[]
    {
        "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "gov.uk", "sch.uk", "nhs.uk", "police.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
        "co.nz", "net.nz", "org.nz", "govt.nz", "ac.nz", "school.nz", "geek.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "ad.jp", "ed.jp", "gr.jp", "lg.jp",
        "com.br", "net.br", "org.br", "gov.br", "edu.br",
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn",
        "com.hk", "net.hk", "org.hk", "com.sg", "net.sg", "org.sg", "com.tw", "net.tw", "org.tw",
        "com.mx", "org.mx", "com.ar", "com.tr", "com.ua", "com.pl", "com.es", "com.pt", "com.ru",
        "co.za", "org.za", "co.in", "net.in", "org.in", "firm.in", "gen.in", "ind.in",
        "co.il", "org.il", "co.kr", "or.kr", "ne.kr", "com.my", "com.ph", "com.vn", "co.id", "or.id",
        "co.th", "in.th", "com.sa", "com.eg", "com.ng", "com.pk", "co.ke", "co.at", "or.at", "co.hu",
        "eu.org", "us.com", "uk.com", "eu.com", "gb.net", "uk.net",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the (normalised) name is a public suffix.</summary>
    public static bool Contains(string name) => !name.Contains('.', StringComparison.Ordinal) || MultiLabel.Contains(name);
}
