using Microsoft.Extensions.Configuration;

namespace DockFlare.Modules.Access;

/// <summary>Settings of Cloudflare Access management.</summary>
public sealed class AccessOptions
{
    /// <summary>Whether Access applications reference reusable policies instead of inline ones.</summary>
    [ConfigurationKeyName("USE_REUSABLE_POLICIES")]
    public bool UseReusablePolicies { get; set; } = true;
}
