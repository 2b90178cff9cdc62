using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using BenchmarkDotNet.Attributes;

namespace ApimAiGateway.Benchmarks;

/// <summary>
/// Issue 3's benchmark: simulated requests per second through a representative policy (about 20 expressions with
/// choose, set-header, rate-limit-by-key and cache-lookup-value), once compiled, on one thread; and through a gateway
/// with no policies but forward-request, the ceiling the executor itself allows.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    /// <summary>The representative policy: 20 expressions across inbound and outbound.</summary>
    public const string RepresentativePolicy = """
        <policies>
          <inbound>
            <set-variable name="caller" value="@(context.Subscription == null ? "anonymous" : context.Subscription.Id)" />
            <set-variable name="model" value="@(context.Request.Headers.GetValueOrDefault("x-model", "gpt-4o"))" />
            <set-variable name="tier" value="@(context.Product == null ? "none" : context.Product.Name)" />
            <rate-limit-by-key calls="100000000" renewal-period="60" counter-key="@((string)context.Variables["caller"])" />
            <cache-lookup-value key="@("config-" + (string)context.Variables["model"])" variable-name="config" />
            <choose>
              <when condition="@(context.Variables.ContainsKey("config"))">
                <set-header name="x-config" exists-action="override"><value>@((string)context.Variables["config"])</value></set-header>
              </when>
              <otherwise>
                <cache-store-value key="@("config-" + (string)context.Variables["model"])" value="@("settings-for-" + (string)context.Variables["model"])" duration="3600" />
                <set-header name="x-config" exists-action="override"><value>default</value></set-header>
              </otherwise>
            </choose>
            <choose>
              <when condition="@(context.Request.Method == "POST")">
                <set-header name="x-route" exists-action="override"><value>@("write-" + (string)context.Variables["tier"])</value></set-header>
              </when>
              <when condition="@(context.Request.Url.Path.Contains("/chat"))">
                <set-header name="x-route" exists-action="override"><value>@("chat-" + (string)context.Variables["model"])</value></set-header>
              </when>
              <otherwise>
                <set-header name="x-route" exists-action="override"><value>default</value></set-header>
              </otherwise>
            </choose>
            <set-header name="x-request-id" exists-action="override"><value>@(context.RequestId.ToString())</value></set-header>
            <set-header name="x-caller" exists-action="override"><value>@((string)context.Variables["caller"])</value></set-header>
          </inbound>
          <backend><forward-request /></backend>
          <outbound>
            <set-variable name="status" value="@(context.Response.StatusCode)" />
            <set-header name="x-served-for" exists-action="override"><value>@((string)context.Variables["caller"] + "/" + (string)context.Variables["tier"])</value></set-header>
            <set-header name="x-status" exists-action="override"><value>@(((int)context.Variables["status"]).ToString())</value></set-header>
          </outbound>
          <on-error />
        </policies>
        """;

    private const string NoPolicy = "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>";

    private SimulatedGateway _representative = null!;
    private SimulatedGateway _empty = null!;
    private GatewayCall _call = null!;

    [GlobalSetup]
    public void Setup()
    {
        _representative = Build(RepresentativePolicy);
        _empty = Build(NoPolicy);
        _call = GatewayCall.Get("/chat/completions").WithHeader("Ocp-Apim-Subscription-Key", "bench-key").WithHeader("x-model", "gpt-4o-mini");
    }

    [Benchmark(Description = "representative policy (20 expressions)")]
    public Task<GatewayResult> Representative() => _representative.SendAsync(_call);

    [Benchmark(Baseline = true, Description = "no policies (forward-request only)")]
    public Task<GatewayResult> Empty() => _empty.SendAsync(_call);

    public static SimulatedGateway Build(string globalPolicy) => new GatewayBuilder()
        .WithApi("chat", "chat", "https://backend.bench/openai")
        .WithProduct("gold", "chat")
        .WithSubscription("bench", "bench-key", "gold")
        .WithService("backend.bench", _ => ServiceResponse.Json("""{"ok":true}"""))
        .WithGlobalPolicy(globalPolicy)
        .Build();
}
