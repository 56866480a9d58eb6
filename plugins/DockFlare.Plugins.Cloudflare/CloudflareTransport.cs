using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;
using Polly;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// The one way the provider talks to Cloudflare: authenticates, spends the request budget, sends through
/// the resilient HTTP client and turns every failure into a <see cref="CloudflareApiException"/>.
/// Logs method, path and status only: never a header, a body or a token.
/// </summary>
internal sealed partial class CloudflareTransport(
    IHttpClientFactory httpClientFactory,
    CloudflareSettings settings,
    CloudflareRequestBudget budget,
    ILogger<CloudflareTransport> logger)
{
    public const string HttpClientName = "cloudflare";

    /// <summary>Sends a request and returns its successful envelope; throws for everything else.</summary>
    public async Task<CloudflareEnvelope> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        return CloudflareResponseReader.ReadEnvelope(method, path, response);
    }

    /// <summary>Sends a request and deserializes its <c>result</c>.</summary>
    public async Task<T> SendForResultAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var envelope = await SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        return CloudflareResponseReader.Result<T>(method, path, envelope);
    }

    /// <summary>Reads one object; <see langword="null"/> only when Cloudflare definitively says it does not exist.</summary>
    public async Task<T?> GetOrNullAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await SendForResultAsync<T>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Deletes; <see langword="false"/> only when Cloudflare definitively says the object was already gone.</summary>
    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Delete, path, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CloudflareApiException ex) when (ex.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Reads every page of a list. Stops on an empty page, the last page, or a page with nothing new.</summary>
    public async Task<IReadOnlyList<T>> ListAllAsync<T>(
        string path,
        IEnumerable<KeyValuePair<string, string?>> query,
        int perPage,
        Func<T, string> key,
        CancellationToken cancellationToken)
    {
        var filters = query.Where(q => q.Value is not null).ToList();
        var results = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var pageQuery = filters.Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(new("per_page", perPage.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var pagePath = WithQuery(path, pageQuery);
            var envelope = await SendAsync(HttpMethod.Get, pagePath, null, cancellationToken).ConfigureAwait(false);
            var items = CloudflareResponseReader.Result<List<T>>(HttpMethod.Get, pagePath, envelope);
            var fresh = 0;
            foreach (var item in items)
            {
                if (seen.Add(key(item)))
                {
                    results.Add(item);
                    fresh++;
                }
            }

            var info = envelope.ResultInfo;
            if (items.Count == 0
                || fresh == 0
                || (info?.TotalPages is { } totalPages && page >= totalPages)
                || (info?.TotalCount is { } totalCount && results.Count >= totalCount)
                || items.Count < (info?.PerPage ?? perPage))
            {
                return results;
            }
        }
    }

    /// <summary>Sends a request and returns the status and body, whatever they are; throws only when no answer arrived.</summary>
    public async Task<CloudflareRawResponse> SendRawAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, string? tokenOverride = null)
    {
        var token = tokenOverride ?? settings.ApiToken
            ?? throw new InvalidOperationException($"{CloudflareSettings.TokenSetting} is not set: Cloudflare is not configured.");
        await budget.AcquireAsync(PriorityOf(method, path), cancellationToken).ConfigureAwait(false);

        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), CloudflareJson.Options), Encoding.UTF8, "application/json");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            LogCall(method.Method, path, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new CloudflareRawResponse(
                (int)response.StatusCode,
                text,
                response.Content.Headers.ContentType?.MediaType,
                CloudflareRateLimitHandler.RetryAfter(response));
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogNoAnswer(method.Method, path, ex.GetType().Name);
            throw new CloudflareApiException(
                $"Cloudflare {method} {StripQuery(path)} got no answer ({ex.GetType().Name}: {ex.Message}).", statusCode: null, innerException: ex);
        }
    }

    public static string WithQuery(string path, IEnumerable<KeyValuePair<string, string?>> query)
    {
        var parts = query.Where(q => q.Value is not null)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value!)}")
            .ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    internal static string StripQuery(string path) => path.Split('?', 2)[0];

    /// <summary>Deletions and Access changes may use the reserved part of the budget.</summary>
    internal static CloudflareRequestPriority PriorityOf(HttpMethod method, string path) =>
        method == HttpMethod.Delete || (method != HttpMethod.Get && path.Contains("/access/", StringComparison.Ordinal))
            ? CloudflareRequestPriority.High
            : CloudflareRequestPriority.Normal;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cloudflare {Method} {Path} answered {Status} in {ElapsedMs:0} ms")]
    private partial void LogCall(string method, string path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cloudflare {Method} {Path} got no answer ({Failure})")]
    private partial void LogNoAnswer(string method, string path, string failure);
}
