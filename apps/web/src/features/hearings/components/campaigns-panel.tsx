import { useMutation, useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { Campaign, HEARING_CAMPAIGNS, REPLY_TO_CAMPAIGN, ReplyTemplate } from '../graphql/themes';
import { OUTCOME_LABELS } from '../lib/labels';
import { BulkReplyForm } from './bulk-reply-form';

/** "Kampagner": near-identical responses, each campaign shown once with its count and senders, and answered once. */
export function CampaignsPanel({ hearingId, templates }: { hearingId: string; templates: ReplyTemplate[] }) {
  const id = useId();
  const { data, error } = useQuery(HEARING_CAMPAIGNS, { variables: { id: hearingId } });
  const campaigns = data?.hearing?.campaigns ?? [];
  return (
    <section className="card hd-campaigns" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Kampagner ({campaigns.length})</h2>
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data && !data.hearing?.analysis && <p className="muted">Kampagnerne findes, når høringssvarene er gennemgået. Det sker automatisk, når der kommer svar.</p>}
      {data?.hearing?.analysis && campaigns.length === 0 && <p className="muted">Ingen enslydende høringssvar.</p>}
      <ul className="hd-campaign-list">
        {campaigns.map((campaign) => (
          <CampaignItem key={campaign.id} hearingId={hearingId} campaign={campaign} templates={templates} />
        ))}
      </ul>
    </section>
  );
}

function CampaignItem({ hearingId, campaign, templates }: { hearingId: string; campaign: Campaign; templates: ReplyTemplate[] }) {
  // The campaign, its responses and their comments come back in the answer; the counts of themes and facets are asked again.
  const [reply] = useMutation(REPLY_TO_CAMPAIGN, { refetchQueries: ['HearingThemes', 'HearingCommentFacets'] });
  const title = `Kampagne: ${campaign.size} enslydende høringssvar`;
  return (
    <li className="hd-campaign">
      <h3>{title}</h3>
      <p className="muted">
        {campaign.answered} af {campaign.size} besvaret
        {campaign.reply && campaign.outcome ? ` · ${OUTCOME_LABELS[campaign.outcome]}` : ''}
      </p>
      <details>
        <summary>Afsendere ({campaign.senders.length})</summary>
        <p>{campaign.senders.join(', ')}</p>
      </details>
      <blockquote className="hd-campaign__text">{campaign.sampleText}</blockquote>
      {campaign.reply && (
        <div className="hd-reply__shown">
          <p className="hd-reply__label">Sekretariatets svar til alle afsendere</p>
          <p className="hd-reply__text">{campaign.reply}</p>
        </div>
      )}
      <BulkReplyForm
        hearingId={hearingId}
        label={`Svar til ${title.toLowerCase()}`}
        submitLabel={`Besvar alle ${campaign.size} høringssvar`}
        templates={templates}
        onReply={async (text, outcome) => {
          const result = await reply({ variables: { input: { campaignId: campaign.id, reply: text, outcome } } });
          if (!result.data) throw new Error(errorMessage(result.error) || 'Svaret blev ikke gemt.');
          return `Svaret er gemt for alle ${campaign.size} høringssvar i kampagnen.`;
        }}
      />
    </li>
  );
}
