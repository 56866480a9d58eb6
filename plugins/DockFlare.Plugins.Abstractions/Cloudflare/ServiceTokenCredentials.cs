namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>
/// A service token with its client secret, which Cloudflare shows only on create and rotate.
/// <see cref="ToString"/> never shows the secret.
/// </summary>
/// <param name="Token">The token.</param>
/// <param name="ClientSecret">The secret sent as <c>CF-Access-Client-Secret</c>; store it, never log it.</param>
public sealed record ServiceTokenCredentials(ServiceToken Token, string ClientSecret)
{
    /// <summary>Names the token without its secret.</summary>
    public override string ToString() => $"ServiceTokenCredentials {{ Id = {Token.Id}, Name = {Token.Name}, ClientSecret = *** }}";
}
