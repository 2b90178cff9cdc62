using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Scenarios.Expectations;
using ApimAiGateway.Harness.Services.Files;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Scenarios.Loading;

/// <summary>Walks the YAML tree of one scenario file (docs/scenarios.md) into a <see cref="ScenarioFile"/>.</summary>
internal sealed class ScenarioFileReader(YamlReader reader)
{
    private static readonly string[] RootKeys = ["repository", "namedValues", "services", "products", "subscriptions", "scenarios"];
    private static readonly string[] ProductKeys = ["id", "apis"];
    private static readonly string[] SubscriptionKeys = ["id", "key", "product", "user"];
    private static readonly string[] ScenarioKeys = ["name", "services", "steps"];
    private static readonly string[] StepKeys = ["name", "advance", "request", "expect"];

    private readonly string _directory = Path.GetDirectoryName(Path.GetFullPath(reader.File))!;

    public ScenarioFile Read(YamlNode root)
    {
        if (reader.Map(root, "the scenario file", RootKeys, "scenarios") is not { } map)
        {
            return new ScenarioFile(reader.File, [], reader.Diagnostics.Items);
        }

        var subscriptions = map.TryGetValue("subscriptions", out var subscriptionsNode) ? ReadSubscriptions(subscriptionsNode) : [];
        var file = new ScenarioFile(reader.File, [], [])
        {
            Repository = map.TryGetValue("repository", out var repository) ? Relative(reader.Text(repository, "'repository'")) : null,
            NamedValuesFile = map.TryGetValue("namedValues", out var namedValues) ? Relative(reader.Text(namedValues, "'namedValues'")) : null,
            Services = map.TryGetValue("services", out var services) ? ReadServices(services) : null,
            Products = map.TryGetValue("products", out var products) ? ReadProducts(products) : [],
            Subscriptions = subscriptions,
        };
        var scenarios = ReadScenarios(map["scenarios"], subscriptions);
        return file with { Scenarios = scenarios, Diagnostics = reader.Diagnostics.Items };
    }

    private string? Relative(string? path) => path is null ? null : Path.GetFullPath(Path.Combine(_directory, path));

    /// <summary>A path to a services file, or the services written in place, as a services file has them.</summary>
    private ServicesFile? ReadServices(YamlNode node)
    {
        ServicesFile services;
        if (node is YamlScalarNode)
        {
            if (Relative(reader.Text(node, "'services'")) is not { } path)
            {
                return null;
            }

            services = ServicesFileLoader.Load(path);
        }
        else
        {
            var servicesReader = new ServicesFileReader(reader.File);
            var definitions = servicesReader.ReadRoot(new YamlMappingNode { { "services", node } });
            services = new ServicesFile(definitions, servicesReader.Diagnostics);
        }

        reader.Diagnostics.AddRange(services.Diagnostics);
        return services;
    }

    private List<ProductDefinition> ReadProducts(YamlNode node)
    {
        var products = new List<ProductDefinition>();
        foreach (var item in reader.List(node, "'products'") ?? [])
        {
            var map = item is YamlScalarNode ? null : reader.Map(item, "a product", ProductKeys, "id");
            var id = item is YamlScalarNode ? reader.Text(item, "a product") : map is null ? null : reader.Text(map["id"], "'id'");
            if (id is null)
            {
                continue;
            }

            if (products.Exists(p => p.Id == id))
            {
                reader.Report(ScenarioDiagnostics.DuplicateName, item, "Product", id);
                continue;
            }

            products.Add(new ProductDefinition(id, map is not null && map.TryGetValue("apis", out var apis) ? reader.Texts(apis, "'apis'") ?? [] : []));
        }

        return products;
    }

    private List<ScenarioSubscription> ReadSubscriptions(YamlNode node)
    {
        var subscriptions = new List<ScenarioSubscription>();
        foreach (var item in reader.List(node, "'subscriptions'") ?? [])
        {
            if (reader.Map(item, "a subscription", SubscriptionKeys, "id", "product") is not { } map
                || reader.Text(map["id"], "'id'") is not { } id
                || reader.Text(map["product"], "'product'") is not { } product)
            {
                continue;
            }

            if (subscriptions.Exists(s => s.Definition.Id == id))
            {
                reader.Report(ScenarioDiagnostics.DuplicateName, map["id"], "Subscription", id);
                continue;
            }

            var definition = new SubscriptionDefinition(id, reader.Text(map, "key", "'key'") ?? id + "-key", product)
            {
                User = map.TryGetValue("user", out var user) ? new RequestReader(reader).ReadUser(user) : null,
            };
            subscriptions.Add(new ScenarioSubscription(definition, reader.Locate(map["product"])));
        }

        return subscriptions;
    }

    private List<Scenario> ReadScenarios(YamlNode node, List<ScenarioSubscription> subscriptions)
    {
        var scenarios = new List<Scenario>();
        foreach (var item in reader.List(node, "'scenarios'") ?? [])
        {
            if (reader.Map(item, "a scenario", ScenarioKeys, "name", "steps") is not { } map || reader.Text(map["name"], "'name'") is not { } name)
            {
                continue;
            }

            var steps = (reader.List(map["steps"], $"'steps' of scenario '{name}'") ?? [])
                .Select((step, index) => ReadStep(step, index + 1, subscriptions))
                .OfType<ScenarioStep>()
                .ToList();
            scenarios.Add(new Scenario(name, reader.Locate(item), steps)
            {
                Services = map.TryGetValue("services", out var services) ? ReadServices(services) : null,
            });
        }

        return scenarios;
    }

    private ScenarioStep? ReadStep(YamlNode node, int number, List<ScenarioSubscription> subscriptions)
    {
        if (reader.Map(node, $"step {number}", StepKeys, "request") is not { } map
            || new RequestReader(reader).Read(map["request"], $"'request' of step {number}", RequestReader.StepKeys) is not { } request)
        {
            return null;
        }

        if (request.Subscription is { } subscription && !subscriptions.Exists(s => s.Definition.Id == subscription))
        {
            reader.Report(ScenarioDiagnostics.UndefinedReference, ((YamlMappingNode)map["request"]).Children[new YamlScalarNode("subscription")],
                "Subscription", subscription, subscriptions.Count == 0 ? "(none)" : string.Join(", ", subscriptions.Select(s => s.Definition.Id)));
            return null;
        }

        var advance = TimeSpan.Zero;
        if (map.TryGetValue("advance", out var advanceNode))
        {
            if (DurationText.Parse((advanceNode as YamlScalarNode)?.Value ?? string.Empty) is { } duration)
            {
                advance = duration;
            }
            else
            {
                reader.Report(ScenarioDiagnostics.WrongShape, advanceNode, "'advance'", "a duration such as 500ms, 30s, 2m, 1h or 1d");
            }
        }

        var name = map.TryGetValue("name", out var nameNode) ? reader.Text(nameNode, "'name'") : null;
        var expect = map.TryGetValue("expect", out var expectNode) ? new ExpectationReader(reader).Read(expectNode) : new StepExpectation();
        return new ScenarioStep(name ?? $"step {number}", reader.Locate(node), request, expect) { Advance = advance };
    }
}
