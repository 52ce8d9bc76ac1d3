// Renders labels, issues, comments and pull requests as GitHub sends them, on top of the
// repository shapes (users, repositories) they embed.
import type { CommentRecord, IssueRecord, LabelRecord, PullRecord } from './github-state.js'
import { fill, R, RepoShapes, template, type Json } from './shapes-repo.js'

export class Shapes extends RepoShapes {
  label(l: LabelRecord): Json {
    return {
      id: l.id,
      node_id: 'LA_kwDO',
      url: `${this.repoApi}/labels/${encodeURIComponent(l.name)}`,
      name: l.name,
      description: l.description,
      color: l.color,
      default: l.default
    }
  }

  private labelsOf(names: string[]): Json[] {
    return names.map(n => this.label(this.s.label(n)))
  }

  issue(i: IssueRecord): Json {
    const t = template('get', `${R}/issues/{issue_number}`, 200)
    const url = `${this.repoApi}/issues/${i.number}`
    const comments = this.s.comments.filter(c => c.issue_number === i.number).length
    const real: Json = {
      id: 500000 + i.number,
      node_id: 'I_kwDO',
      url,
      repository_url: this.repoApi,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.repoWeb}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
      number: i.number,
      state: i.state,
      state_reason: i.state_reason,
      title: i.title,
      body: i.body,
      user: this.user(i.user),
      labels: this.labelsOf(i.labels),
      assignee: i.assignees[0] ? this.user(i.assignees[0]) : null,
      assignees: i.assignees.map(a => this.user(a)),
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments,
      closed_at: i.closed_at,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_by: i.state === 'closed' ? this.user(i.user) : null,
      author_association: 'NONE',
      reactions: t.reactions
    }
    const out = fill(t, real)
    if (i.pull) {
      out.pull_request = {
        url: `${this.repoApi}/pulls/${i.number}`,
        html_url: `${this.repoWeb}/pull/${i.number}`,
        diff_url: `${this.repoWeb}/pull/${i.number}.diff`,
        patch_url: `${this.repoWeb}/pull/${i.number}.patch`,
        merged_at: null
      }
    } else delete out.pull_request
    return out
  }

  comment(c: CommentRecord): Json {
    const t = template('post', `${R}/issues/{issue_number}/comments`, 201)
    return fill(t, {
      id: c.id,
      node_id: 'IC_kwDO',
      url: `${this.repoApi}/issues/comments/${c.id}`,
      html_url: `${this.repoWeb}/issues/${c.issue_number}#issuecomment-${c.id}`,
      issue_url: `${this.repoApi}/issues/${c.issue_number}`,
      body: c.body,
      user: this.user(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: 'NONE'
    })
  }

  private pullSide(branch: string): Json {
    const sha = this.s.branchSha(branch) ?? ''
    return {
      label: `${this.s.owner}:${branch}`,
      ref: branch,
      sha,
      user: this.user(this.s.owner),
      repo: this.repository()
    }
  }

  pull(p: PullRecord, simple: boolean): Json {
    const t = simple
      ? template('get', `${R}/pulls`, 200)
      : template('get', `${R}/pulls/{pull_number}`, 200)
    const url = `${this.repoApi}/pulls/${p.number}`
    const html = `${this.repoWeb}/pull/${p.number}`
    const issue = `${this.repoApi}/issues/${p.number}`
    const real: Json = {
      url,
      id: 700000 + p.number,
      node_id: 'PR_kwDO',
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${this.repoApi}/pulls/comments{/number}`,
      comments_url: `${issue}/comments`,
      statuses_url: `${this.repoApi}/statuses/${this.s.branchSha(p.head) ?? ''}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: this.user(p.user),
      body: p.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: p.created_at,
      updated_at: p.updated_at,
      closed_at: p.closed_at,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: this.pullSide(p.head),
      base: this.pullSide(p.base),
      _links: {
        self: { href: url },
        html: { href: html },
        issue: { href: issue },
        comments: { href: `${issue}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${this.repoApi}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${this.repoApi}/statuses/${this.s.branchSha(p.head) ?? ''}` }
      },
      author_association: 'NONE',
      auto_merge: null,
      draft: p.draft
    }
    if (!simple)
      Object.assign(real, {
        merged: false,
        mergeable: null,
        rebaseable: null,
        mergeable_state: 'unknown',
        merged_by: null,
        comments: 0,
        review_comments: 0,
        maintainer_can_modify: p.maintainer_can_modify,
        commits: 1,
        additions: 0,
        deletions: 0,
        changed_files: 0
      })
    return fill(t, real)
  }
}
