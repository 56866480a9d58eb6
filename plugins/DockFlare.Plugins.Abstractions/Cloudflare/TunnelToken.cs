using System.Text;
using System.Text.Json;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>
/// The connector token of a tunnel, as <c>cloudflared tunnel run --token</c> takes it. It holds the
/// tunnel secret: never log it (<see cref="ToString"/> does not show it).
/// </summary>
public sealed class TunnelToken
{
    /// <summary>Wraps a raw token string (base64 of <c>{"a":account,"t":tunnel,"s":secret}</c>).</summary>
    public TunnelToken(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim();
    }

    /// <summary>The raw token, to hand to cloudflared only.</summary>
    public string Value { get; }

    /// <summary>
    /// Decodes the token without exposing its secret. Returns <see langword="null"/> when it is not a
    /// base64 JSON object with account, tunnel and secret fields (cloudflared would reject it).
    /// </summary>
    public TunnelTokenContent? TryDecode()
    {
        try
        {
            var padded = Value.Replace('-', '+').Replace('_', '/');
            padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("a", out var account) || account.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("t", out var tunnel) || tunnel.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("s", out var secret) || secret.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(secret.GetString()))
            {
                return null;
            }

            var endpoint = root.TryGetProperty("e", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return new TunnelTokenContent(account.GetString()!, tunnel.GetString()!, endpoint);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the token decodes and names <paramref name="tunnelId"/> (case-insensitive).</summary>
    public bool IsFor(string tunnelId) =>
        TryDecode() is { } content && string.Equals(content.TunnelId, tunnelId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Never the token itself.</summary>
    public override string ToString() => "TunnelToken(***)";
}
