using ApimAiGateway.Delivery.Planning;
using ApimAiGateway.Harness.Gateway.Loading;

namespace ApimAiGateway.Delivery.Publishing;

/// <summary>What to publish: a repository, read with <see cref="Load"/> (which names the environment's named values).</summary>
public sealed record PublishRequest(string RepositoryRoot)
{
    public RepositoryLoadOptions Load { get; init; } = new();

    /// <summary>Files to publish alone (fragments/x.xml, policies/global.xml, ...); empty publishes everything.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    public bool WhatIf { get; init; }

    /// <summary>The Azure OpenAI accounts backend URLs point at; without them such backends are only verified.</summary>
    public AccountEndpoints Accounts { get; init; } = AccountEndpoints.None;
}
