using System.Net;
using System.Net.Sockets;
using ApimAiGateway.Cli;
using ApimAiGateway.Hosting.Logging;

namespace ApimAiGateway.Hosting.Tests;

/// <summary>What starting the gateway prints, and how it refuses to start: located diagnostics, a taken port, bad options.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _directory = TestRepository.TemporaryDirectory();

    [Fact]
    public async Task The_summary_names_the_apis_products_subscriptions_file_and_where_each_region_listens_but_no_key()
    {
        var subscriptions = Path.Combine(_directory, "subscriptions.json");
        var started = await StartAsync(subscriptions: "subscriptions.json");
        await using var host = started.Host!;
        var summary = new StringWriter();

        StartupSummary.Write(summary, host);

        var text = summary.ToString();
        Assert.Contains($"gateway listening on {host.Address}", text);
        Assert.Contains($"API            azure-openai at {host.Address}openai (subscription key in header 'api-key' or query 'api-key')", text);
        Assert.Contains("products       basic, standard", text);
        Assert.Contains($"basic-local (basic), standard-local (standard) - keys in {subscriptions} (created now)", text);
        Assert.Contains($"backend        aoai-eastus: https://aoai-eastus.openai.azure.com/openai -> simulated East US at {host.Region("eastus").Address}", text);
        Assert.Contains("backend        aoai-pool: pool of aoai-eastus (priority 1, weight 1), aoai-westus (priority 2, weight 1)", text);
        Assert.All(host.Description.Subscriptions, s => Assert.DoesNotContain(s.Key, text));
        Assert.All(host.Description.Subscriptions, s => Assert.Matches("^[0-9a-f]{32}$", s.Key));
    }

    [Fact]
    public async Task A_second_start_reuses_the_keys_the_first_one_created()
    {
        var first = await StartAsync();
        var keys = first.Host!.Description.Subscriptions.Select(s => s.Key).ToList();
        await first.Host.DisposeAsync();

        var second = await StartAsync();
        await using var host = second.Host!;

        Assert.False(host.Description.SubscriptionsCreated);
        Assert.Equal(keys, host.Description.Subscriptions.Select(s => s.Key));
    }

    [Fact]
    public async Task A_policy_error_stops_the_start_with_its_location_and_exit_code_1()
    {
        var repository = RepositoryWith("<policies><inbound><set-header name=\"x\" exists-action=\"sometimes\" /></inbound></policies>");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await ApimPolicyCli.RunAsync(["serve", "--repository", repository, "--port", "0", "--subscriptions", Path.Combine(_directory, "s.json")], output, error);

        Assert.Equal(ApimPolicyCli.Findings, exit);
        Assert.Contains(Path.Combine(repository, "policies", "global.xml") + ":1:", error.ToString());
        Assert.DoesNotContain("listening", output.ToString());
    }

    [Fact]
    public async Task A_malformed_policy_file_is_reported_by_the_host_with_its_line()
    {
        var repository = RepositoryWith("<policies>\n  <inbound>\n</policies>");

        var started = await StartAsync(repository);

        Assert.Null(started.Host);
        Assert.Equal(GatewayStartFailure.Configuration, started.Failure);
        Assert.Contains(started.Diagnostics, d => d.IsError && d.Location.File.EndsWith("global.xml", StringComparison.Ordinal) && d.Location.Line == 3);
    }

    [Fact]
    public async Task A_taken_port_is_a_clear_message_and_exit_code_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var error = new StringWriter();

        var exit = await ApimPolicyCli.RunAsync(
            ["serve", "--repository", TestRepository.Root, "--port", port.ToString(), "--subscriptions", Path.Combine(_directory, "s.json")], TextWriter.Null, error);

        Assert.Equal(ApimPolicyCli.UsageOrInputError, exit);
        Assert.Contains($"Port {port} on 127.0.0.1 is already in use", error.ToString());
    }

    [Theory]
    [InlineData("--port", "70000", "The port must be between 0 and 65535")]
    [InlineData("--endpoint", "eastus", "--endpoint takes REGION=URL")]
    [InlineData("--endpoint", "eastus=not a url", "--endpoint takes REGION=URL")]
    [InlineData("--endpoint", "mars=https://example.invalid", "names region 'mars', which no backend")]
    [InlineData("--deployment", "gpt-4o", "--deployment takes NAME=MODEL")]
    [InlineData("--tokens-per-minute", "0", "tokens per minute must be at least 1")]
    public async Task Bad_options_are_refused_with_one_line_and_exit_code_2(string option, string value, string message)
    {
        var error = new StringWriter();

        string[] port = option == "--port" ? [] : ["--port", "0"];

        var exit = await ApimPolicyCli.RunAsync(
            ["serve", "--repository", TestRepository.Root, .. port, "--subscriptions", Path.Combine(_directory, "s.json"), option, value], TextWriter.Null, error);

        Assert.Equal(ApimPolicyCli.UsageOrInputError, exit);
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task A_real_endpoint_replaces_the_simulated_region_and_is_reached_over_http()
    {
        // A second gateway's simulated West US stands in for a real Azure OpenAI endpoint: another process on the network.
        var elsewhere = await StartAsync(subscriptions: "a.json");
        await using var real = elsewhere.Host!;
        var started = await StartAsync(subscriptions: "b.json", eastUs: real.Region("westus").Address);
        await using var host = started.Host!;
        using var http = new HttpClient();
        using var request = ChatRequest.To(host.Address, host.Description.Subscriptions[0].Key, "to the real one");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("West US", response.Headers.GetValues("x-ms-region").Single());
        Assert.DoesNotContain(host.Regions, r => r.Code == "eastus");
        Assert.Single(real.Region("westus").Service.Calls);
    }

    [Fact]
    public async Task An_endpoint_nobody_listens_on_is_a_backend_connection_failure_not_a_crash()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var started = await StartAsync(eastUs: new Uri($"http://127.0.0.1:{port}"));
        await using var host = started.Host!;
        using var http = new HttpClient();
        using var request = ChatRequest.To(host.Address, host.Description.Subscriptions[0].Key, "anyone there?");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task A_repository_without_products_gets_one_product_for_every_api_so_its_keys_work()
    {
        var repository = RepositoryWith("<policies><inbound><return-response><set-status code=\"204\" reason=\"No Content\" /></return-response></inbound></policies>");
        Directory.CreateDirectory(Path.Combine(repository, "policies", "apis", "echo"));
        var started = await StartAsync(repository);
        await using var host = started.Host!;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Address, "echo/anything"));
        request.Headers.Add("Ocp-Apim-Subscription-Key", host.Description.Subscriptions.Single().Key);

        using var response = await http.SendAsync(request);

        Assert.Equal([GatewayHost.ImplicitProduct], host.Description.Products);
        Assert.Equal("all-apis-local", host.Description.Subscriptions.Single().Id);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(host.Regions);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A host on a free port with its own subscriptions file; <paramref name="eastUs"/> replaces the simulated East US.</summary>
    private Task<GatewayStartResult> StartAsync(string? repository = null, string subscriptions = "s.json", Uri? eastUs = null) =>
        GatewayHost.StartAsync(new GatewayHostOptions
        {
            RepositoryRoot = repository ?? TestRepository.Root,
            Port = 0,
            SubscriptionsFile = Path.Combine(_directory, subscriptions),
            Endpoints = eastUs is null ? new Dictionary<string, Uri>() : new Dictionary<string, Uri> { ["eastus"] = eastUs },
        }, TextWriter.Null);

    private string RepositoryWith(string globalPolicy)
    {
        var repository = Path.Combine(_directory, "repository");
        Directory.CreateDirectory(Path.Combine(repository, "policies"));
        File.WriteAllText(Path.Combine(repository, "policies", "global.xml"), globalPolicy);
        return repository;
    }
}
