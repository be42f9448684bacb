// Nothing to do before the job's other steps: the check is in post.mjs.
console.log('after-job: paths are checked in the post step')
