namespace DockFlare.Core.Routing;

/// <summary>A validated origin service in its canonical spelling.</summary>
internal readonly record struct ParsedService(string Value, ServiceKind Kind)
{
    public bool IsHttp => Kind is ServiceKind.Http or ServiceKind.Https;
}
