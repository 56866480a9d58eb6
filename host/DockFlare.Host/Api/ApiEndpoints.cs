using DockFlare.Modules.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DockFlare.Host.Api;

/// <summary>The REST API under <c>/api/v2</c>; every endpoint needs an API key or token (the fallback policy), and an admin one to change anything.</summary>
internal static class ApiEndpoints
{
    public const string Prefix = "/api/v2";

    public static IServiceCollection AddDockFlareApi(this IServiceCollection services)
    {
        services.AddDockFlareApiJson();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ManualRuleStore>();
        services.AddTransient<ManualRuleValidator>();
        services.AddTransient<RouteAdopter>();
        services.AddTransient<ChangeLogReader>();
        services.AddTransient<ManualRuleEditor>();
        return services;
    }

    public static IEndpointRouteBuilder MapDockFlareApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);
        // Reading needs any caller (the fallback policy); changing anything needs an admin (or a read-write token).
        // A "finally" convention: it must see the endpoint's own metadata and that of inner groups (the agent routes'
        // policy, AllowAnonymous), which ordinary group conventions run before.
        ((IEndpointConventionBuilder)api).Finally(RequireAdminToChange);
        RoutesEndpoints.Map(api);
        PlanEndpoints.Map(api);
        ChangesEndpoints.Map(api);
        RulesEndpoints.Map(api);
        AccessGroupsEndpoints.Map(api);
        AdoptEndpoints.Map(api);
        AgentEndpoints.Map(api);
        AgentCommandEndpoints.Map(api);
        api.MapFallback(() => ApiError.Result(StatusCodes.Status404NotFound, "not_found", "No such API endpoint: see docs/api.md."));
        return endpoints;
    }

    /// <summary>Adds the admin policy to every endpoint that changes state, unless it has its own policy (the agent routes).</summary>
    private static void RequireAdminToChange(EndpointBuilder endpoint)
    {
        var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
        // No method at all: only the API's 404 fallback, which changes nothing.
        var readOnly = methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m));
        var ownPolicy = endpoint.Metadata.Any(m => m is AuthorizationPolicy or IAllowAnonymous
            || (m is IAuthorizeData data && (data.Policy is not null || data.AuthenticationSchemes is not null)));
        if (!readOnly && !ownPolicy)
        {
            endpoint.Metadata.Add(new AuthorizeAttribute(AuthPolicies.Admin));
        }
    }
}
