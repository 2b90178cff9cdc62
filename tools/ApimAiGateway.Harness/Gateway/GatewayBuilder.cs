using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Analysis.Structure;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;
using ApimAiGateway.Harness.Services;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Gateway;

/// <summary>
/// Assembles a <see cref="SimulatedGateway"/>: policy documents per scope (from strings or files), fragments, named
/// values, APIs, products, subscriptions and the simulated services behind them. Build() reads, checks and compiles
/// everything once, and fails with located diagnostics when the policies have errors.
/// </summary>
public sealed class GatewayBuilder
{
    /// <summary>Virtual time starts here unless a test sets another start.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<(PolicyScopes Scope, string? Product, string? Api, string? Operation, string Text, string File)> _documents = [];
    private readonly List<(string Id, string Text, string File)> _fragments = [];
    private readonly List<ApiDefinition> _apis = [];
    private readonly List<ProductDefinition> _products = [];
    private readonly List<SubscriptionDefinition> _subscriptions = [];
    private readonly List<(string Id, Uri Url)> _backends = [];
    private NamedValueSet? _namedValues;
    private string? _cacheDirectory;

    public GatewayBuilder(TimeProvider? clock = null)
    {
        Clock = clock ?? new FakeTimeProvider(DefaultStart);
        Network = new ServiceRegistry(Clock);
    }

    public TimeProvider Clock { get; }

    /// <summary>The simulated network: map backends and send-request targets here.</summary>
    public ServiceRegistry Network { get; }

    public GatewayBuilder WithGlobalPolicy(string xml, string file = "global.xml") => Document(PolicyScopes.Global, null, null, null, xml, file);

    public GatewayBuilder WithProductPolicy(string product, string xml, string? file = null) =>
        Document(PolicyScopes.Product, product, null, null, xml, file ?? $"products/{product}.xml");

    public GatewayBuilder WithApiPolicy(string api, string xml, string? file = null) =>
        Document(PolicyScopes.Api, null, api, null, xml, file ?? $"apis/{api}/api.xml");

    public GatewayBuilder WithOperationPolicy(string api, string operation, string xml, string? file = null) =>
        Document(PolicyScopes.Operation, null, api, operation, xml, file ?? $"apis/{api}/operations/{operation}.xml");

    public GatewayBuilder WithFragment(string id, string xml, string? file = null)
    {
        _fragments.Add((id, xml, file ?? $"fragments/{id}.xml"));
        return this;
    }

    public GatewayBuilder WithApi(ApiDefinition api)
    {
        _apis.Add(api);
        return this;
    }

    /// <summary>An API with one wildcard operation, served at <paramref name="path"/>, forwarding to <paramref name="serviceUrl"/>.</summary>
    public GatewayBuilder WithApi(string id, string path, string serviceUrl, bool subscriptionRequired = true) =>
        WithApi(new ApiDefinition(id, path, new Uri(serviceUrl), []) { SubscriptionRequired = subscriptionRequired });

    public GatewayBuilder WithProduct(string id, params string[] apis)
    {
        _products.Add(new ProductDefinition(id, apis));
        return this;
    }

    public GatewayBuilder WithSubscription(SubscriptionDefinition subscription)
    {
        _subscriptions.Add(subscription);
        return this;
    }

    public GatewayBuilder WithSubscription(string id, string key, string product) => WithSubscription(new SubscriptionDefinition(id, key, product));

    public GatewayBuilder WithNamedValues(NamedValueSet namedValues)
    {
        _namedValues = namedValues;
        return this;
    }

    public GatewayBuilder WithNamedValues(IReadOnlyDictionary<string, string> values) =>
        WithNamedValues(NamedValueSet.From(values.Select(v => new NamedValue(v.Key, v.Value, false, null, SourceLocation.StartOf("named values")))));

    /// <summary>A backend or service on the simulated network, answering by a delegate.</summary>
    public GatewayBuilder WithService(string host, Func<ServiceRequest, ServiceResponse> respond)
    {
        Network.Map(host, respond);
        return this;
    }

    /// <summary>A backend entity that set-backend-service backend-id names, reached at <paramref name="url"/>.</summary>
    public GatewayBuilder WithBackend(string id, Uri url)
    {
        _backends.Add((id, url));
        return this;
    }

    /// <summary>Keep compiled expressions on disk between builds.</summary>
    public GatewayBuilder WithCompilationCache(string directory)
    {
        _cacheDirectory = directory;
        return this;
    }

    public SimulatedGateway Build()
    {
        var reader = new PolicyReader();
        var diagnostics = new DiagnosticBag();
        var fragments = new FragmentIndex();
        foreach (var (id, text, file) in _fragments)
        {
            if (Read(reader, text, file, diagnostics) is { } fragment)
            {
                fragments.Add(id, fragment);
            }
        }

        var documents = _documents
            .Select(d => (d.Scope, d.Product, d.Api, d.Operation, Document: Read(reader, d.Text, d.File, diagnostics)))
            .Where(d => d.Document is not null)
            .ToList();

        var validator = new StructureValidator(PolicyCatalog.Default, fragments, diagnostics);
        var collector = new ExpressionCollector(PolicyCatalog.Default);
        var expressions = new List<CollectedExpression>();
        foreach (var document in documents)
        {
            validator.Validate(document.Document!, document.Scope);
            collector.Collect(document.Document!, expressions);
        }

        foreach (var id in fragments.Ids)
        {
            fragments.TryGet(id, out var fragment);
            validator.Validate(fragment!, PolicyScopes.All);
            collector.Collect(fragment!, expressions);
        }

        if (diagnostics.HasErrors)
        {
            throw new GatewayBuildException(diagnostics.Items);
        }

        var lookup = Compile(expressions);
        var definition = new GatewayDefinition
        {
            Global = documents.FirstOrDefault(d => d.Scope == PolicyScopes.Global).Document,
            Products = documents.Where(d => d.Scope == PolicyScopes.Product).ToDictionary(d => d.Product!, d => d.Document!),
            Apis = documents.Where(d => d.Scope == PolicyScopes.Api).ToDictionary(d => d.Api!, d => d.Document!),
            Operations = documents.Where(d => d.Scope == PolicyScopes.Operation).ToDictionary(d => (d.Api!, d.Operation!), d => d.Document!),
            Fragments = fragments,
            ApiDefinitions = _apis,
            ProductDefinitions = _products,
            Subscriptions = _subscriptions,
        };
        var services = new GatewayServices(Clock, Network);
        foreach (var (id, url) in _backends)
        {
            services.Backends.Add(id, url);
        }

        return new SimulatedGateway(definition, services, PolicyHandlers.CreateRegistry(), lookup);
    }

    private CompiledExpressionLookup Compile(List<CollectedExpression> expressions)
    {
        var sources = expressions.Select(e => e.ToSource()).ToList();
        var compiled = new ExpressionCompiler(ExpressionCompilerOptions.ApimExecutable(_cacheDirectory)).Compile(sources);
        if (!compiled.Succeeded)
        {
            // The instrumented code's positions are shifted; compile the code as written for exact locations.
            var asWritten = new ExpressionCompiler(ExpressionCompilerOptions.Apim()).Compile(sources);
            throw new GatewayBuildException(asWritten.Diagnostics.Any(d => d.IsError) ? asWritten.Diagnostics : compiled.Diagnostics);
        }

        var lookup = new CompiledExpressionLookup();
        for (var i = 0; i < expressions.Count; i++)
        {
            lookup.Add(expressions[i].Expression, compiled.Expressions!.Get<Context.IExpressionContext>(i));
        }

        return lookup;
    }

    private PolicyDocument? Read(PolicyReader reader, string text, string file, DiagnosticBag diagnostics)
    {
        var read = reader.Read(text, file, _namedValues);
        diagnostics.AddRange(read.Diagnostics);
        return read.Document;
    }

    private GatewayBuilder Document(PolicyScopes scope, string? product, string? api, string? operation, string xml, string file)
    {
        _documents.Add((scope, product, api, operation, xml, file));
        return this;
    }
}
