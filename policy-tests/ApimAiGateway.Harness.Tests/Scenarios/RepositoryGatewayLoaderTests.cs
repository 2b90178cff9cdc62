using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Services;
using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.Scenarios;

/// <summary>A gateway read from the repository layout (docs/repository-layout.md, docs/apis-file.md).</summary>
public sealed class RepositoryGatewayLoaderTests : IDisposable
{
    private const string Forward = "<backend><forward-request /></backend>";
    private readonly LintFixture _repo = new();

    public void Dispose() => _repo.Dispose();

    private static string Inbound(string policy, string backend = "<backend><base /></backend>") =>
        $"<policies><inbound><base />{policy}</inbound>{backend}<outbound><base /></outbound><on-error><base /></on-error></policies>";

    private static string Appends(string value) =>
        $"<set-header name=\"x-order\" exists-action=\"append\"><value>{value}</value></set-header>";

    [Fact]
    public async Task Every_scope_fragments_and_named_values_come_from_their_files()
    {
        _repo.Write("policies/global.xml", $"<policies><inbound>{Appends("{{who}}")}</inbound>{Forward}<outbound /><on-error /></policies>");
        _repo.Write("policies/named-values.json", """{ "namedValues": [ { "name": "who", "value": "global" } ] }""");
        _repo.Write("policies/products/gold.xml", Inbound(Appends("product")));
        _repo.Write("policies/apis/chat/api.xml", Inbound("<include-fragment fragment-id=\"tag\" />"));
        _repo.Write("policies/apis/chat/api.yaml", """
            path: v1/chat
            serviceUrl: https://chat.example.test/base
            operations:
              - id: complete
                method: POST
                urlTemplate: /deployments/{deployment}/completions
            """);
        _repo.Write("policies/apis/chat/operations/complete.xml", Inbound(Appends("operation")));
        _repo.Write("fragments/tag.xml", $"<fragment>{Appends("fragment")}</fragment>");

        var loaded = RepositoryGatewayLoader.Load(_repo.Root);
        var gateway = loaded.Blueprint.CreateBuilder()
            .WithSubscription("s", "key", "gold")
            .WithService("chat.example.test", request => ServiceResponse.Json($$"""{"path":"{{request.Uri.AbsolutePath}}","order":"{{request.Headers.GetValueOrDefault("x-order")}}"}"""))
            .Build();
        var result = await gateway.SendAsync(GatewayCall.PostJson("/v1/chat/deployments/d1/completions", "{}").WithHeader("Ocp-Apim-Subscription-Key", "key"));

        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("/base/deployments/d1/completions", (string?)result.BodyJson!["path"]);
        Assert.Equal("global,product,fragment,operation", (string?)result.BodyJson!["order"]);
    }

    [Fact]
    public void An_api_folder_without_an_api_file_gets_the_documented_defaults()
    {
        _repo.Write("policies/apis/search/api.xml", Inbound(string.Empty));

        var api = Assert.Single(RepositoryGatewayLoader.Load(_repo.Root).Blueprint.Apis);

        Assert.Equal(("search", "search", "https://search.backend.invalid/", true), (api.Id, api.Path, api.ServiceUrl.ToString(), api.SubscriptionRequired));
        Assert.Empty(api.Operations);
    }

    [Fact]
    public async Task Products_contain_the_apis_their_file_lists()
    {
        _repo.Write("policies/apis/a/api.json", """{ "subscriptionRequired": true }""");
        _repo.Write("policies/apis/b/api.json", """{ "subscriptionKeyParameterNames": { "header": "api-key", "query": "api-key" } }""");
        _repo.Write("policies/products/only-a.json", """{ "apis": ["a"] }""");
        var gateway = RepositoryGatewayLoader.Load(_repo.Root).Blueprint.CreateBuilder()
            .WithSubscription("s", "key", "only-a")
            .WithService("a.backend.invalid", _ => ServiceResponse.Text("a"))
            .Build();

        var toA = await gateway.SendAsync(GatewayCall.Get("/a/x").WithHeader("Ocp-Apim-Subscription-Key", "key"));
        var toB = await gateway.SendAsync(GatewayCall.Get("/b/x").WithHeader("api-key", "key"));

        Assert.Equal(200, toA.StatusCode);
        Assert.Equal(401, toB.StatusCode);
    }

    [Fact]
    public async Task Single_backends_are_registered_with_the_account_placeholder_resolved_and_pools_left_out()
    {
        _repo.Write("policies/global.xml", $"<policies><inbound><set-backend-service backend-id=\"aoai-eastus\" /></inbound>{Forward}<outbound /><on-error /></policies>");
        _repo.Write("policies/apis/api/api.json", """{ "path": "", "subscriptionRequired": false }""");
        _repo.Write("policies/backends.json", """
            { "backends": [
              { "name": "aoai-eastus", "properties": { "type": "Single", "url": "https://${account:eastus}.openai.azure.com/openai", "protocol": "http" } },
              { "name": "pool", "properties": { "type": "Pool", "pool": { "services": [ { "id": "/backends/aoai-eastus" } ] } } }
            ] }
            """);
        var loaded = RepositoryGatewayLoader.Load(_repo.Root);
        var gateway = loaded.Blueprint.CreateBuilder()
            .WithService("aoai-eastus.openai.azure.com", request => ServiceResponse.Text(request.Uri.AbsolutePath))
            .Build();

        var result = await gateway.SendAsync(GatewayCall.Get("/chat"));

        Assert.Equal(["aoai-eastus", "pool"], loaded.Blueprint.Backends.Select(b => b.Id));
        Assert.Equal("/openai/chat", result.BodyText);
    }

    [Fact]
    public void A_mistyped_key_in_an_api_file_is_reported_where_it_is_written()
    {
        _repo.Write("policies/apis/chat/api.yaml", "path: chat\nservceUrl: https://x.test\n");

        var diagnostic = Assert.Single(RepositoryGatewayLoader.Load(_repo.Root).Diagnostics);

        Assert.Equal(("AGW8004", 2, 1), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.EndsWith("api.yaml", diagnostic.Location.File, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_policy_the_api_does_not_declare_is_a_warning()
    {
        _repo.Write("policies/apis/chat/operations/complete.xml", Inbound(string.Empty));

        var diagnostic = Assert.Single(RepositoryGatewayLoader.Load(_repo.Root).Diagnostics);

        Assert.Equal("AGW8011", diagnostic.Code);
        Assert.False(diagnostic.IsError);
    }

    [Fact]
    public void Bad_files_become_located_diagnostics_not_exceptions()
    {
        _repo.Write("policies/global.xml", "<policies>\0</policies>");
        _repo.Write("policies/products/p.json", """{ "apis": ["missing"] }""");
        Directory.CreateDirectory(Path.Combine(_repo.Root, "fragments"));
        File.WriteAllBytes(Path.Combine(_repo.Root, "fragments", "bad.xml"), [0x3C, 0xFF]);
        _repo.Write("policies/backends.json", "{ \"backends\": [ { \"name\": \"b\" ");

        var loaded = RepositoryGatewayLoader.Load(_repo.Root);
        var notARepository = RepositoryGatewayLoader.Load(Path.Combine(_repo.Root, "policies"));

        var build = Assert.Throws<GatewayBuildException>(() => loaded.Blueprint.CreateBuilder().Build());

        Assert.Equal(["AGW1004", "AGW4002", "AGW8007"], loaded.Diagnostics.Select(d => d.Code).Order());
        Assert.Equal("AGW1003", Assert.Single(build.Diagnostics).Code);
        Assert.Equal("AGW8006", Assert.Single(notARepository.Diagnostics).Code);
    }

    [Fact]
    public void The_repository_is_the_nearest_directory_holding_policies()
    {
        var scenario = _repo.Write("policy-tests/scenarios/a.yaml", "scenarios: []");
        _repo.Write("policies/global.xml", Inbound(string.Empty));

        Assert.Equal(Path.GetFullPath(_repo.Root), RepositoryRoot.Find(scenario));
    }
}
