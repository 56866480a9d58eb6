using DockFlare.Core.Engine;
using DockFlare.Host.Api;

namespace DockFlare.Host.Web;

/// <summary>The fields of the manual rule form, bound from the posted form and turned into the REST API's request.</summary>
internal sealed class ManualRuleForm
{
    public string? Id { get; set; }

    public string? Tunnel { get; set; }

    public string? Hostname { get; set; }

    public string? Path { get; set; }

    public string? Service { get; set; }

    public string? ZoneName { get; set; }

    /// <summary>Origin options, one <c>name=value</c> per line.</summary>
    public string? OriginOptions { get; set; }

    /// <summary>Access options, one <c>name=value</c> per line.</summary>
    public string? AccessOptions { get; set; }

    public static ManualRuleForm From(ManualRule rule) => new()
    {
        Id = rule.Id,
        Tunnel = rule.Tunnel,
        Hostname = rule.Hostname,
        Path = rule.Path,
        Service = rule.Service,
        ZoneName = rule.ZoneName,
        OriginOptions = OptionLines.Format(rule.OriginOptions),
        AccessOptions = OptionLines.Format(rule.AccessOptions),
    };

    /// <summary>The request the editor validates, or the problem of an options field that is not <c>name=value</c> lines.</summary>
    public (ManualRuleRequest? Request, string? Problem) ToRequest()
    {
        var (origin, originProblem) = OptionLines.Parse(OriginOptions, "Origin options");
        var (access, accessProblem) = OptionLines.Parse(AccessOptions, "Access options");
        if ((originProblem ?? accessProblem) is { } problem)
        {
            return (null, problem);
        }

        return (new ManualRuleRequest
        {
            Id = Id,
            Tunnel = Tunnel,
            Hostname = Hostname,
            Service = Service,
            Path = Path,
            ZoneName = ZoneName,
            OriginOptions = origin,
            AccessOptions = access,
        }, null);
    }
}
