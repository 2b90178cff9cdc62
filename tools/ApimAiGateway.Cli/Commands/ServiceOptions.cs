using System.CommandLine;
using ApimAiGateway.Delivery.Arm;
using Azure.Core;
using Azure.Identity;

namespace ApimAiGateway.Cli.Commands;

/// <summary>
/// The options that name an API Management instance (--subscription, --resource-group, --service, --arm-endpoint),
/// shared by publish, pull and diff, and the ARM client they make: signed in with DefaultAzureCredential unless the
/// caller (a test) supplies a credential.
/// </summary>
internal sealed class ServiceOptions
{
    private readonly Option<string> _subscription = new("--subscription") { Description = "Azure subscription id of the API Management instance.", Required = true };
    private readonly Option<string> _resourceGroup = new("--resource-group") { Description = "Resource group of the instance.", Required = true };
    private readonly Option<string> _service = new("--service") { Description = "API Management service name.", Required = true };
    private readonly Option<string> _endpoint = new("--arm-endpoint")
    {
        Description = "Azure Resource Manager endpoint (https; http only on loopback, for a local stand-in).",
        DefaultValueFactory = _ => ArmClientOptions.PublicCloud.AbsoluteUri,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_subscription);
        command.Options.Add(_resourceGroup);
        command.Options.Add(_service);
        command.Options.Add(_endpoint);
    }

    /// <returns>The client, or null after writing why the options are wrong.</returns>
    public ArmClient? CreateClient(ParseResult parse, TokenCredential? credential, TextWriter error)
    {
        var service = ApimServiceAddress.TryCreate(parse.GetValue(_subscription), parse.GetValue(_resourceGroup), parse.GetValue(_service), out var problem);
        var options = Uri.TryCreate(parse.GetValue(_endpoint), UriKind.Absolute, out var endpoint) ? new ArmClientOptions { Endpoint = endpoint } : null;
        problem ??= options is null ? "--arm-endpoint must be an absolute URL" : options.Validate();
        if (problem is not null)
        {
            error.WriteLine($"apim-policy: {problem}");
            return null;
        }

        return new ArmClient(service!, credential ?? new DefaultAzureCredential(), options!);
    }
}
