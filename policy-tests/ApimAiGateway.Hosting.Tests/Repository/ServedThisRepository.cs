using System.ClientModel;
using System.ClientModel.Primitives;
using ApimAiGateway.Harness.Gateway.Loading;
using Azure.AI.OpenAI;
using Newtonsoft.Json.Linq;
using OpenAI.Chat;

namespace ApimAiGateway.Hosting.Tests.Repository;

/// <summary>
/// This repository's composed gateway served as <c>apim-policy serve</c> serves it on a fresh machine, with its
/// subscriptions and caller tokens written to a temporary directory instead of the repository root.
/// </summary>
public sealed class ServedThisRepository() : ServedGateway(Root)
{
    private static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests do not run inside the repository.");

    public string Summary
    {
        get
        {
            var summary = new StringWriter();
            Logging.StartupSummary.Write(summary, Host);
            return summary.ToString();
        }
    }

    public string TokenOf(string product)
    {
        var subscription = Host.Description.Subscriptions.Single(s => s.ProductId == product).Id;
        return JObject.Parse(File.ReadAllText(Host.Description.CallerTokensFile!))["tokens"]![subscription]!.Value<string>()!;
    }

    /// <summary>The official client as an application team configures it: the subscription key, and a token when it has one.</summary>
    public ChatClient Chat(string product, bool withToken = true, string deployment = "gpt-4o")
    {
        var options = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0) };
        if (withToken)
        {
            options.AddPolicy(new BearerTokenPolicy(TokenOf(product)), PipelinePosition.PerCall);
        }

        return new AzureOpenAIClient(Host.Address, new ApiKeyCredential(KeyOf(product)), options).GetChatClient(deployment);
    }
}
