using System.Text.Json;
using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Plugins.Cloudflare.Wire;

namespace DockFlare.Plugins.Cloudflare;

/// <summary><see cref="ICloudflareTunnels"/> over <c>/accounts/{account}/cfd_tunnel</c>.</summary>
internal sealed class CloudflareTunnelsClient(CloudflareTransport transport) : ICloudflareTunnels
{
    public Task<IReadOnlyList<CloudflareTunnel>> ListTunnelsAsync(string accountId, TunnelQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return transport.ListAllAsync<CloudflareTunnel>(
            Tunnels(accountId),
            [new("name", query.Name), new("is_deleted", query.IncludeDeleted ? null : "false")],
            CloudflarePageSizes.Tunnels,
            t => t.Id,
            cancellationToken);
    }

    public Task<CloudflareTunnel?> GetTunnelAsync(string accountId, string tunnelId, CancellationToken cancellationToken) =>
        transport.GetOrNullAsync<CloudflareTunnel>(Tunnel(accountId, tunnelId), cancellationToken);

    public async Task<TunnelCreation> CreateTunnelAsync(string accountId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Guid.TryParse(name, out _))
        {
            // cloudflared refuses such names: they would be mistaken for tunnel ids.
            throw new ArgumentException("A tunnel name must not look like a UUID.", nameof(name));
        }

        var path = Tunnels(accountId);
        var envelope = await transport.SendAsync(HttpMethod.Post, path, new TunnelCreateWire(name.Trim(), "cloudflare"), cancellationToken)
            .ConfigureAwait(false);
        var tunnel = CloudflareResponseReader.Result<CloudflareTunnel>(HttpMethod.Post, path, envelope);
        var token = envelope.Result.ValueKind == JsonValueKind.Object
            && envelope.Result.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString())
                ? new TunnelToken(t.GetString()!)
                : null;
        return new TunnelCreation(tunnel, token is not null && token.IsFor(tunnel.Id) ? token : null);
    }

    public Task<CloudflareTunnel> RenameTunnelAsync(string accountId, string tunnelId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return transport.SendForResultAsync<CloudflareTunnel>(
            HttpMethod.Patch, Tunnel(accountId, tunnelId), new Dictionary<string, string> { ["name"] = name.Trim() }, cancellationToken);
    }

    public Task<bool> DeleteTunnelAsync(string accountId, string tunnelId, bool cascade, CancellationToken cancellationToken) =>
        transport.DeleteAsync(Tunnel(accountId, tunnelId) + (cascade ? "?cascade=true" : ""), cancellationToken);

    public async Task<TunnelToken> GetTunnelTokenAsync(string accountId, string tunnelId, CancellationToken cancellationToken)
    {
        var path = Tunnel(accountId, tunnelId) + "/token";
        var response = await transport.SendRawAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        var text = response.Body.Trim();

        // Some responses carry the bare token instead of an envelope (DockFlare issue #83, case B33).
        string raw;
        if (response.IsSuccessStatus && text.Length > 0 && text[0] is not ('{' or '"' or '<'))
        {
            raw = text;
        }
        else if (response.IsSuccessStatus && text.StartsWith('"'))
        {
            raw = JsonSerializer.Deserialize<string>(text) ?? "";
        }
        else
        {
            var envelope = CloudflareResponseReader.ReadEnvelope(HttpMethod.Get, path, response);
            raw = CloudflareResponseReader.Result<string>(HttpMethod.Get, path, envelope);
        }

        var token = string.IsNullOrWhiteSpace(raw) ? null : new TunnelToken(raw);
        if (token?.TryDecode() is not { } content)
        {
            throw new CloudflareApiException(
                $"Cloudflare GET {path} returned a tunnel token that does not decode; cloudflared would reject it.",
                response.Status, unexpectedResponse: true);
        }

        if (!string.Equals(content.TunnelId, tunnelId, StringComparison.OrdinalIgnoreCase))
        {
            throw new CloudflareApiException(
                $"Cloudflare GET {path} returned a token for tunnel {content.TunnelId}, not {tunnelId}.",
                response.Status, unexpectedResponse: true);
        }

        return token;
    }

    public async Task<TunnelConfiguration> GetTunnelConfigurationAsync(string accountId, string tunnelId, CancellationToken cancellationToken)
    {
        var wire = await transport.SendForResultAsync<TunnelConfigurationWire>(
            HttpMethod.Get, Tunnel(accountId, tunnelId) + "/configurations", null, cancellationToken).ConfigureAwait(false);
        return wire.ToConfiguration(tunnelId);
    }

    public async Task<TunnelConfiguration> PutTunnelConfigurationAsync(
        string accountId, string tunnelId, TunnelIngressConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var wire = await transport.SendForResultAsync<TunnelConfigurationWire>(
            HttpMethod.Put,
            Tunnel(accountId, tunnelId) + "/configurations",
            new Dictionary<string, TunnelIngressConfigurationWire> { ["config"] = TunnelIngressConfigurationWire.From(configuration) },
            cancellationToken).ConfigureAwait(false);
        return wire.ToConfiguration(tunnelId);
    }

    public Task<IReadOnlyList<TunnelConnector>> ListTunnelConnectorsAsync(string accountId, string tunnelId, CancellationToken cancellationToken) =>
        ListConnectors(Tunnel(accountId, tunnelId) + "/connections", cancellationToken);

    public Task<TunnelConnector?> GetTunnelConnectorAsync(string accountId, string tunnelId, string connectorId, CancellationToken cancellationToken) =>
        transport.GetOrNullAsync<TunnelConnector>($"{Tunnel(accountId, tunnelId)}/connectors/{CloudflareIds.Uuid(connectorId, "connector")}", cancellationToken);

    public async Task CleanupTunnelConnectionsAsync(string accountId, string tunnelId, string? connectorId, CancellationToken cancellationToken)
    {
        var path = Tunnel(accountId, tunnelId) + "/connections"
            + (connectorId is null ? "" : "?client_id=" + CloudflareIds.Uuid(connectorId, "connector"));
        await transport.SendAsync(HttpMethod.Delete, path, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<TunnelConnector>> ListConnectors(string path, CancellationToken cancellationToken) =>
        await transport.SendForResultAsync<List<TunnelConnector>>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);

    private static string Tunnels(string accountId) => $"accounts/{CloudflareIds.Account(accountId)}/cfd_tunnel";

    private static string Tunnel(string accountId, string tunnelId) => $"{Tunnels(accountId)}/{CloudflareIds.Uuid(tunnelId, "tunnel")}";
}
