using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApimAiGateway.Delivery.Tests.StandIn;

/// <summary>
/// A local stand-in for the ARM endpoints of one API Management service, on 127.0.0.1 and a free port. It keeps the
/// resources PUT to it (with an ETag each, honouring If-Match), answers GET and list requests from them, records
/// every request, and answers with scripted statuses (202, 409, 412, 429, 500, ...) when a test asks.
/// </summary>
public sealed class ArmStandIn : IAsyncDisposable
{
    public const string Subscription = "11111111-2222-3333-4444-555555555555";
    public const string ResourceGroup = "rg-gateway";
    public const string Service = "apim-test";
    private const string ServicePrefix = $"/subscriptions/{Subscription}/resourceGroups/{ResourceGroup}/providers/Microsoft.ApiManagement/service/{Service}/";

    private readonly WebApplication _app;
    private readonly Dictionary<string, (JsonObject Body, string ETag)> _resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(Func<RecordedRequest, bool> Match, Queue<ScriptedResponse> Answers)> _scripts = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private int _version;

    private ArmStandIn(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IEnumerable<RecordedRequest> Puts => Requests.Where(r => r.Method == "PUT");

    public static async Task<ArmStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new ArmStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Endpoint = new Uri(address);
        return standIn;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Puts a resource in place as if it were live; <paramref name="path"/> is relative to the service.</summary>
    public string Seed(string path, JsonObject body)
    {
        lock (_gate)
        {
            var etag = $"\"v{++_version}\"";
            _resources[path] = (body, etag);
            return etag;
        }
    }

    public string SeedXml(string path, string xml, string? description = null) =>
        Seed(path, new JsonObject { ["properties"] = new JsonObject { ["format"] = "rawxml", ["value"] = xml, ["description"] = description } });

    /// <summary>Answers the next requests that match with these responses, in order, then behaves normally again.</summary>
    public void Script(Func<RecordedRequest, bool> match, params ScriptedResponse[] answers)
    {
        lock (_gate)
        {
            _scripts.Add((match, new Queue<ScriptedResponse>(answers)));
        }
    }

    public void ScriptPut(string path, params ScriptedResponse[] answers) =>
        Script(r => r.Method == "PUT" && r.Path.Equals(path, StringComparison.OrdinalIgnoreCase), answers);

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var fullPath = context.Request.Path.Value ?? "/";
        var path = fullPath.StartsWith(ServicePrefix, StringComparison.OrdinalIgnoreCase) ? fullPath[ServicePrefix.Length..] : fullPath;
        var request = new RecordedRequest(context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty, body,
            context.Request.Headers.IfMatch.FirstOrDefault(), context.Request.Headers.Authorization.FirstOrDefault());

        ScriptedResponse? scripted;
        lock (_gate)
        {
            _requests.Add(request);
            scripted = _scripts.FirstOrDefault(s => s.Answers.Count > 0 && s.Match(request)).Answers?.Dequeue();
        }

        if (scripted is not null)
        {
            if (scripted.Apply)
            {
                Answer(request);
            }

            await WriteAsync(context.Response, scripted.Status, scripted.Body, scripted.ContentType, scripted.Headers);
            return;
        }

        var (status, answer, etag) = Answer(request);
        var headers = etag is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["ETag"] = etag };
        await WriteAsync(context.Response, status, answer, "application/json", headers);
    }

    private (int Status, string Body, string? ETag) Answer(RecordedRequest request)
    {
        lock (_gate)
        {
            if (request.Method == "PUT")
            {
                var exists = _resources.TryGetValue(request.Path, out var current);
                if (request.IfMatch is { } ifMatch && ifMatch != "*" && (!exists || ifMatch != current.ETag))
                {
                    return (412, """{"error":{"code":"PreconditionFailed","message":"ETag mismatch"}}""", null);
                }

                var etag = $"\"v{++_version}\"";
                _resources[request.Path] = ((JsonObject)JsonNode.Parse(request.Body)!, etag);
                return (exists ? 200 : 201, request.Body, etag);
            }

            if (_resources.TryGetValue(request.Path, out var stored))
            {
                return (200, stored.Body.ToJsonString(), stored.ETag);
            }

            var children = _resources.Keys
                .Where(k => k.StartsWith(request.Path + "/", StringComparison.OrdinalIgnoreCase) && !k[(request.Path.Length + 1)..].Contains('/'))
                .Select(k => (JsonNode)new JsonObject { ["name"] = k[(request.Path.Length + 1)..] })
                .ToArray();
            return IsList(request.Path)
                ? (200, new JsonObject { ["value"] = new JsonArray(children) }.ToJsonString(), null)
                : (404, """{"error":{"code":"ResourceNotFound","message":"not found"}}""", null);
        }
    }

    private static bool IsList(string path) =>
        path is "policyFragments" or "products" or "apis" || (path.StartsWith("apis/", StringComparison.Ordinal) && path.EndsWith("/operations", StringComparison.Ordinal));

    private static async Task WriteAsync(HttpResponse response, int status, string body, string contentType, IReadOnlyDictionary<string, string> headers)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        await response.WriteAsync(body);
    }
}
