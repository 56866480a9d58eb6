using System.Net;
using System.Reflection;
using DockFlare.Core.Reconciliation;
using DockFlare.Modules.Auth;
using DockFlare.Modules.Auth.Tokens;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using NSubstitute;

namespace DockFlare.Host.Tests;

/// <summary>
/// Default deny, checked over every endpoint the host maps: without a credential nothing but the short anonymous list
/// answers; a viewer changes nothing; the admin API key opens no agent route. A new endpoint is covered the day it is
/// mapped, so forgetting its authorization fails here.
/// </summary>
public sealed class EndpointAuthorizationTests : IAsyncLifetime
{
    /// <summary>The only endpoints anyone may reach: health, sign-in, setup (which needs its code), the error page.</summary>
    private static readonly HashSet<string> Anonymous = ["/healthz", "/readyz", "/login", "/setup", "/error"];

    /// <summary>Agent routes marked anonymous because they check the agent key themselves (with their own answers).</summary>
    private static readonly HashSet<string> SelfChecked = ["/api/v2/agents/{id}/commands", "/api/v2/agents/{id}/commands/{commandId}/ack"];

    /// <summary>The API's 404 for unknown paths: it changes nothing, so a viewer may hear "not found".</summary>
    private const string ApiFallback = "/api/v2/{*path:nonfile}";

    private const string ViewerPassword = "viewer-password-long-enough";
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _host.Reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport([], [], null, false));
        await UiClient.AddUserAsync(_host.Services, "watcher", ViewerPassword, Roles.Viewer);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Endpoints_MarkedAnonymous_AreExactlyTheIntendedOnes()
    {
        var marked = Routes().Where(r => r.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            .Select(r => r.Pattern).ToHashSet();

        Assert.Equal(Anonymous.Union(SelfChecked).Order(), marked.Order());
    }

    [Fact]
    public async Task EveryEndpoint_WithoutCredential_IsRefused()
    {
        using var anonymous = new UiClient(_host.Client.BaseAddress!);
        var failures = new List<string>();
        foreach (var (pattern, method, path, _, _) in Requests().Where(r => !Anonymous.Contains(r.Pattern)))
        {
            var response = await SendAsync(anonymous.Http, method, path);
            if (!IsRefusal(response, "/login"))
            {
                failures.Add($"{method} {path} ({pattern}) answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(Requests().Count() > 40, "the enumeration found suspiciously few endpoints");
    }

    [Fact]
    public async Task EveryChangingEndpoint_AsAViewer_IsRefused()
    {
        var (_, readToken) = await _host.Services.GetRequiredService<ApiTokenStore>().CreateAsync("reader", ApiTokenScope.Read, "test", default);
        using var viewer = new UiClient(_host.Client.BaseAddress!);
        await viewer.SignInAsync("watcher", ViewerPassword);
        var antiforgery = await viewer.TokenAsync("/account");
        var failures = new List<string>();
        foreach (var (pattern, method, path, isApi, _) in Requests().Where(r => r.Method != "GET" && !Anonymous.Contains(r.Pattern) && r.Pattern is not ("/logout" or "/account" or ApiFallback)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (isApi)
            {
                request.Headers.Authorization = new("Bearer", readToken);
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }
            else
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery });
            }

            var response = await viewer.Http.SendAsync(request);
            if (!IsRefusal(response, "/denied"))
            {
                failures.Add($"{method} {path} ({pattern}) answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Contains(Requests(), r => r.Path == "/admin/users?handler=Create"); // page handlers are enumerated, not guessed
    }

    [Fact]
    public async Task AgentRoutes_WithTheAdminApiKey_AreRefused()
    {
        var admin = _host.Authorized();
        var failures = new List<string>();
        foreach (var (pattern, method, path, _, _) in Requests().Where(r => r.Endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.AuthorizationPolicy>()
                     .Any(p => p.AuthenticationSchemes.Contains("AgentKey")) || SelfChecked.Contains(r.Pattern)))
        {
            var response = await SendAsync(admin, method, path);
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                failures.Add($"{method} {path} ({pattern}) answered {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool IsRefusal(HttpResponseMessage response, string redirect) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains(redirect, StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private IEnumerable<(RouteEndpoint Endpoint, string Pattern)> Routes() =>
        _host.Endpoints.OfType<RouteEndpoint>().Select(e => (e, "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/')));

    /// <summary>One request per endpoint and method; a page gets a GET and a POST for each of its handlers.</summary>
    private IEnumerable<(string Pattern, string Method, string Path, bool IsApi, RouteEndpoint Endpoint)> Requests()
    {
        foreach (var (endpoint, pattern) in Routes())
        {
            var path = Concrete(endpoint.RoutePattern);
            var isApi = pattern.StartsWith("/api/", StringComparison.Ordinal);
            var page = endpoint.Metadata.OfType<CompiledPageActionDescriptor>().FirstOrDefault();
            if (page is not null)
            {
                yield return (pattern, "GET", path, false, endpoint);
                foreach (var handler in PostHandlers(page.ModelTypeInfo ?? page.HandlerTypeInfo))
                {
                    yield return (pattern, "POST", handler.Length == 0 ? path : $"{path}?handler={handler}", false, endpoint);
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                yield return (pattern, method, path, isApi, endpoint);
            }
        }
    }

    private static IEnumerable<string> PostHandlers(TypeInfo? model) =>
        model is null ? [] : model.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => m.Name)
            .Where(n => n.StartsWith("OnPost", StringComparison.Ordinal))
            .Select(n => n["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal))
            .Distinct();

    private static string Concrete(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart => "x",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        }))));
}
